import * as React from 'react';
import { Badge, Button, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { DocumentTextRegular, MoneyCalculatorRegular, PeopleRegular, SearchRegular } from '@fluentui/react-icons';
import type { AccountDetail, AccountSummary } from '../worker/protocol';
import { AccountLines } from './AccountLines';
import { money } from '../format';
import { usePanelStyles } from './styles';

export interface AccountPanelProps {
  accounts: readonly AccountSummary[];
  detail: AccountDetail | null;
  busy: boolean;
  onOpen: (account: string) => void;
  onBill: (accounts: readonly string[] | 'all') => void;
  onPlan: (d: AccountDetail) => void;
}

const MATCHES = 8;

/** Search an account by number or name; its lines, balance, aging and dunning stage; Bill and Payment plan. */
export function AccountPanel({ accounts, detail, busy, onOpen, onBill, onPlan }: AccountPanelProps): React.JSX.Element {
  const s = usePanelStyles();
  const [query, setQuery] = React.useState('');
  const q = query.trim().toLowerCase();
  const matches = React.useMemo(() => {
    const list = q === '' ? [...accounts].sort((a, b) => b.amountDue - a.amountDue) : accounts.filter((a) => a.account.toLowerCase().includes(q) || (a.patientName ?? '').toLowerCase().includes(q));
    return list.slice(0, MATCHES);
  }, [accounts, q]);
  const withBalance = accounts.filter((a) => a.amountDue !== 0).length;
  return (
    <div className={s.panel}>
      <Field label="Find an account (number or patient name)">
        <Input type="search" contentBefore={<SearchRegular />} value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      <section className={s.section} aria-labelledby="matches-heading">
        <Subtitle2 as="h2" id="matches-heading" className={s.heading}>
          {q === '' ? 'Largest balances' : `${matches.length} match${matches.length === 1 ? '' : 'es'}`}
        </Subtitle2>
        <ul className={s.list}>
          {matches.map((a) => (
            <li key={a.account}>
              <Button
                appearance={detail?.account === a.account ? 'primary' : 'secondary'}
                style={{ width: '100%', justifyContent: 'space-between' }}
                onClick={() => onOpen(a.account)}
                aria-label={`Account ${a.account}, ${a.patientName ?? 'no name'}, ${money(a.amountDue)} due`}
                data-testid="account-match"
              >
                <span>
                  {a.account} · {a.patientName ?? '—'}
                </span>
                <span className={s.num}>{money(a.amountDue)}</span>
              </Button>
            </li>
          ))}
        </ul>
        <div>
          <Button icon={<PeopleRegular />} disabledFocusable={busy || withBalance === 0} onClick={busy ? undefined : () => onBill('all')}>
            Bill all {withBalance.toLocaleString('en-US')} accounts with a balance
          </Button>
        </div>
      </section>
      {detail && (
        <section className={s.section} aria-labelledby="account-heading" data-testid="account-detail">
          <Subtitle2 as="h2" id="account-heading" className={s.heading}>
            {detail.patientName ?? 'Account'} · {detail.account}
          </Subtitle2>
          <div className={s.row}>
            <span>
              {detail.creditBalance > 0 ? 'Credit (refund due): ' : 'Patient owes: '}
              <strong>{money(detail.creditBalance > 0 ? detail.creditBalance : detail.amountDue)}</strong>
            </span>
            {detail.stage && (
              <Badge appearance="tint" color={detail.stage === 'Final notice' || detail.stage === 'Past due' ? 'danger' : 'informative'}>
                {detail.stage}
              </Badge>
            )}
          </div>
          {detail.stageMessage && <span className={s.hint}>{detail.stageMessage}</span>}
          {detail.flags.map((f) => (
            <span key={f} className={s.hint}>
              {f}
            </span>
          ))}
          <AccountLines detail={detail} />
          <div className={s.row}>
            <Button appearance="primary" icon={<DocumentTextRegular />} disabledFocusable={busy} onClick={busy ? undefined : () => onBill([detail.account])}>
              Bill
            </Button>
            <Button icon={<MoneyCalculatorRegular />} disabledFocusable={detail.amountDue <= 0} onClick={detail.amountDue > 0 ? () => onPlan(detail) : undefined}>
              Payment plan
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
