import * as React from 'react';
import { Button, Field, ProgressBar } from '@fluentui/react-components';
import { PlayRegular, StopRegular } from '@fluentui/react-icons';
import type { Progress } from '../analysis/analysisClient';
import { usePanelStyles } from './styles';

export interface AnalyzeControlsProps {
  canAnalyze: boolean;
  running: boolean;
  progress: Progress | null;
  onAnalyze: () => void;
  onCancel: () => void;
}

/** Analyze, and while it runs: the stage, a progress bar and Cancel. */
export function AnalyzeControls({ canAnalyze, running, progress, onAnalyze, onCancel }: AnalyzeControlsProps): React.JSX.Element {
  const s = usePanelStyles();
  return (
    <div className={s.section}>
      <div className={s.row}>
        <Button appearance="primary" icon={<PlayRegular />} disabledFocusable={!canAnalyze || running} onClick={canAnalyze && !running ? onAnalyze : undefined} aria-describedby="analyze-hint">
          Analyze ledger
        </Button>
        {running && (
          <Button icon={<StopRegular />} onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      {running && progress ? (
        <Field label={progress.stage} validationState="none" aria-live="polite">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} thickness="large" aria-label={`Analysis progress: ${progress.stage}`} />
        </Field>
      ) : (
        <span id="analyze-hint" className={s.hint}>
          Reads the ledger; your ledger sheets are not changed. Results go to the Findings, Expected Shares and Run Log sheets.
        </span>
      )}
    </div>
  );
}
