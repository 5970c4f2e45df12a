import * as React from 'react';
import { Body1, Button } from '@fluentui/react-components';
import { ChartMultipleRegular } from '@fluentui/react-icons';
import type { PaneView } from '../worker/protocol';
import { money } from '../format';
import { usePanelStyles } from './styles';

export interface SummaryPanelProps {
  view: PaneView;
  busy: boolean;
  onWrite: () => void;
}

/** Summary: writes the manager's de-identified Summary sheet and goes there. */
export function SummaryPanel({ view, busy, onWrite }: SummaryPanelProps): React.JSX.Element {
  const s = usePanelStyles();
  return (
    <div className={s.panel}>
      <Body1>
        A one-page, landscape Summary for a manager’s presentation: KPIs, findings by rule, aging and payer mix, with native charts. It carries no names,
        account numbers or dates of birth, and hides groups of fewer than 11 accounts.
      </Body1>
      <table className={s.table}>
        <tbody>
          <tr>
            <th scope="row">Lines analysed</th>
            <td className={s.num}>{view.counts.linesAnalyzed.toLocaleString('en-US')}</td>
          </tr>
          <tr>
            <th scope="row">Findings</th>
            <td className={s.num}>{view.findings.length.toLocaleString('en-US')}</td>
          </tr>
          <tr>
            <th scope="row">Patient balances billed</th>
            <td className={s.num}>{money(view.statementsTotal)}</td>
          </tr>
        </tbody>
      </table>
      <div>
        <Button appearance="primary" icon={<ChartMultipleRegular />} disabledFocusable={busy} onClick={busy ? undefined : onWrite}>
          Write summary
        </Button>
      </div>
    </div>
  );
}
