import * as React from 'react';
import { MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import type { PlanPreview } from '../worker/protocol';
import { moneyText, usDate } from '../format';
import { usePanelStyles } from './styles';

const SHOWN_ROWS = 12;

/** The live preview: assistance, the monthly payment and months, and the schedule. */
export function PlanPreviewView({ plan }: { plan: PlanPreview }): React.JSX.Element {
  const s = usePanelStyles();
  const rows = plan.schedule.length > SHOWN_ROWS ? [...plan.schedule.slice(0, SHOWN_ROWS - 1), plan.schedule[plan.schedule.length - 1]!] : plan.schedule;
  return (
    <section className={s.section} aria-labelledby="preview-heading" aria-live="polite" data-testid="plan-preview">
      <Subtitle2 as="h2" id="preview-heading" className={s.heading}>
        Preview
      </Subtitle2>
      <table className={s.table}>
        <tbody>
          <tr>
            <th scope="row">Income vs poverty guideline</th>
            <td className={s.num}>{plan.fplPercent === null ? 'Income unknown' : `${plan.fplPercent.toFixed(2)} %`}</td>
          </tr>
          <tr>
            <th scope="row">Assistance discount</th>
            <td className={s.num} data-testid="plan-discount">
              {plan.assistanceDiscountPct} %
            </td>
          </tr>
          <tr>
            <th scope="row">Balance after assistance</th>
            <td className={s.num}>{moneyText(plan.balanceAfterAssistance)}</td>
          </tr>
          <tr>
            <th scope="row">Monthly payment</th>
            <td className={s.num} data-testid="plan-monthly">
              {moneyText(plan.monthlyPayment)}
            </td>
          </tr>
          <tr>
            <th scope="row">Months</th>
            <td className={s.num} data-testid="plan-months">
              {plan.months}
            </td>
          </tr>
          {plan.apr > 0 && (
            <tr>
              <th scope="row">Total interest ({plan.apr} % APR)</th>
              <td className={s.num}>{moneyText(plan.totalInterest)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {plan.exceedsAffordability && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The balance cannot be cleared in the longest plan at an affordable payment: the payment shown is the balance over the longest plan.</MessageBarBody>
        </MessageBar>
      )}
      {plan.months === 0 ? (
        <span>Assistance clears the whole balance: no payments are due.</span>
      ) : (
        <table className={s.table} aria-label="Payment schedule">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Due</th>
              <th scope="col" className={s.num}>
                Payment
              </th>
              <th scope="col" className={s.num}>
                Left after
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <React.Fragment key={r.n}>
                {i === SHOWN_ROWS - 1 && plan.schedule.length > SHOWN_ROWS && (
                  <tr>
                    <td colSpan={4} className={s.hint}>
                      … {plan.schedule.length - SHOWN_ROWS} more payments …
                    </td>
                  </tr>
                )}
                <tr>
                  <td>{r.n}</td>
                  <td>{usDate(r.dueDate)}</td>
                  <td className={s.num}>{moneyText(r.payment)}</td>
                  <td className={s.num}>{moneyText(r.remaining)}</td>
                </tr>
              </React.Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
