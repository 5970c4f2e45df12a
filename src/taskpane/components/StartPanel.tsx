import * as React from 'react';
import { Body1 } from '@fluentui/react-components';
import type { PaneActions, PaneState } from '../state/usePane';
import { AnalyzeControls } from './AnalyzeControls';
import { SheetPicker } from './SheetPicker';
import { SetupCard } from './SetupCard';
import { MappingEditor } from './MappingEditor';
import { InputIssues } from './InputIssues';
import { usDate } from '../format';
import { usePanelStyles } from './styles';

export interface StartPanelProps {
  state: PaneState;
  actions: PaneActions;
  inExcel: boolean;
  canSetup: boolean;
}

/** Start: which sheets, analyze (with progress and Cancel), the column mapping and input issues. */
export function StartPanel({ state, actions, inExcel, canSetup }: StartPanelProps): React.JSX.Element {
  const s = usePanelStyles();
  const v = state.view;
  return (
    <div className={s.panel}>
      <AnalyzeControls canAnalyze={inExcel} running={state.running} progress={state.progress} onAnalyze={actions.analyze} onCancel={actions.cancel} />
      {v && (
        <Body1 data-testid="analysis-counts">
          {v.counts.linesAnalyzed.toLocaleString('en-US')} lines analysed from {v.sheets.map((x) => x.sheet).join(', ')} as of {usDate(v.asOf)};{' '}
          {v.counts.excludedRows.toLocaleString('en-US')} row(s) left out with an input issue.
        </Body1>
      )}
      {inExcel && <SheetPicker sheets={state.sheets} picked={state.picked} onToggle={actions.togglePick} />}
      {v && <InputIssues issues={v.inputIssues} total={v.inputIssueCount} />}
      {v && <MappingEditor sheets={v.sheets} overrides={state.overrides} onChange={actions.setOverride} />}
      {inExcel && state.sheets && (
        <SetupCard sheetNames={state.sheets.map((x) => x.name)} busy={state.writing !== null} {...(canSetup ? { onSetup: actions.setupWorkbook } : {})} />
      )}
    </div>
  );
}
