import * as React from 'react';
import type { AccountDetail } from '../worker/protocol';
import { money, usDate } from '../format';
import { usePanelStyles } from './styles';

const AGING: readonly [keyof AccountDetail['aging'], string][] = [
  ['current', '0–30'],
  ['d31to60', '31–60'],
  ['d61to90', '61–90'],
  ['d91to120', '91–120'],
  ['over120', '120+'],
];

/** The account's aging buckets and its lines, each with balance, age and why the patient owes what they owe. */
export function AccountLines({ detail }: { detail: AccountDetail }): React.JSX.Element {
  const s = usePanelStyles();
  return (
    <>
      <table className={s.table} aria-label="Aging of the patient balance, in days">
        <thead>
          <tr>
            {AGING.map(([k, label]) => (
              <th key={k} scope="col" className={s.num}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {AGING.map(([k]) => (
              <td key={k} className={s.num}>
                {money(detail.aging[k])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <ul className={s.list} aria-label="Lines on this account">
        {detail.lines.map((l) => (
          <li key={`${l.sheet}!${l.row}`} className={s.card}>
            <div className={s.row}>
              <strong>
                {usDate(l.serviceDate)} · {l.code}
              </strong>
              <span className={s.num}>billed {money(l.billed)}</span>
            </div>
            <div className={s.row}>
              <span>{l.pending ? 'Pending with insurance' : `Patient owes ${money(l.patientBalance)}`}</span>
              <span className={s.hint}>
                line balance {money(l.balance)} · {l.aging}
              </span>
            </div>
            {l.explanation && <span className={s.hint}>{l.explanation}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
