import * as React from 'react';
import { Subtitle2 } from '@fluentui/react-components';
import type { IssueView } from '../worker/protocol';
import { cellRef } from '../format';
import { usePanelStyles } from './styles';

export interface InputIssuesProps {
  issues: readonly IssueView[];
  total: number;
}

const SHOWN = 50;

/** Rows the analysis could not read, each with its cell, so nothing is silently lost. */
export function InputIssues({ issues, total }: InputIssuesProps): React.JSX.Element | null {
  const s = usePanelStyles();
  if (total === 0) return null;
  const shown = issues.slice(0, SHOWN);
  return (
    <section className={s.section} aria-labelledby="issues-heading">
      <Subtitle2 as="h2" id="issues-heading" className={s.heading}>
        Input issues ({total.toLocaleString('en-US')})
      </Subtitle2>
      <span className={s.hint}>Rows with an error are left out of the analysis until the cell is fixed.</span>
      <table className={s.table}>
        <thead>
          <tr>
            <th scope="col">Cell</th>
            <th scope="col">Issue</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr key={`${i.sheet}!${i.cell}:${i.message}`}>
              <td>{cellRef(i.sheet, i.cell)}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown.length && <span className={s.hint}>…and {(total - shown.length).toLocaleString('en-US')} more (counted on the Run Log sheet).</span>}
    </section>
  );
}
