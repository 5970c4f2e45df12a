import * as React from 'react';
import { Button, Dropdown, Field, Option, Subtitle2 } from '@fluentui/react-components';
import { ruleTotals } from '../../domain/findings/summary';
import type { FindingView, PaneView } from '../worker/protocol';
import { money, ruleLabel } from '../format';
import { FindingCard } from './FindingCard';
import { usePanelStyles } from './styles';

export interface FindingsPanelProps {
  view: PaneView;
  onSelect: (f: FindingView) => void;
}

const ALL = '__all__';
const PAGE = 100;
const TOP_RULES = 5;

function Filter({ label, value, options, onChange }: { label: string; value: string; options: readonly [string, string][]; onChange: (v: string) => void }): React.JSX.Element {
  const text = value === ALL ? 'All' : (options.find(([v]) => v === value)?.[1] ?? value);
  return (
    <Field label={label} size="small">
      <Dropdown size="small" value={text} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(d.optionValue ?? ALL)}>
        <Option value={ALL}>All</Option>
        {options.map(([v, t]) => (
          <Option key={v} value={v} text={t}>
            {t}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** The worklist: filters by rule, severity and payer; totals per rule; each finding with its cell and working. */
export function FindingsPanel({ view, onSelect }: FindingsPanelProps): React.JSX.Element {
  const s = usePanelStyles();
  const [rule, setRule] = React.useState(ALL);
  const [severity, setSeverity] = React.useState(ALL);
  const [payer, setPayer] = React.useState(ALL);
  const [shown, setShown] = React.useState(PAGE);
  const [allTotals, setAllTotals] = React.useState(false);
  const rules = React.useMemo(() => view.ruleTotals.map((t) => [t.rule, ruleLabel(t.rule)] as [string, string]), [view]);
  const payers = React.useMemo(() => [...new Set(view.findings.map((f) => f.payer ?? 'Self-pay / none'))].sort().map((p) => [p, p] as [string, string]), [view]);
  const filtered = React.useMemo(
    () => view.findings.filter((f) => (rule === ALL || f.rule === rule) && (severity === ALL || f.severity === severity) && (payer === ALL || (f.payer ?? 'Self-pay / none') === payer)),
    [view, rule, severity, payer],
  );
  const totals = React.useMemo(() => {
    return ruleTotals(filtered);
  }, [filtered]);
  React.useEffect(() => setShown(PAGE), [rule, severity, payer]);

  return (
    <div className={s.panel}>
      <div className={s.row} role="group" aria-label="Filter findings">
        <Filter label="Rule" value={rule} options={rules} onChange={setRule} />
        <Filter label="Severity" value={severity} options={[['error', 'Error'], ['warning', 'Warning'], ['info', 'Info']]} onChange={setSeverity} />
        <Filter label="Payer" value={payer} options={payers} onChange={setPayer} />
      </div>
      <section className={s.section} aria-labelledby="totals-heading">
        <Subtitle2 as="h2" id="totals-heading" className={s.heading}>
          Totals by rule
        </Subtitle2>
        <table className={s.table} data-testid="rule-totals">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col" className={s.num}>
                Count
              </th>
              <th scope="col" className={s.num}>
                At stake
              </th>
            </tr>
          </thead>
          <tbody>
            {(allTotals ? totals : totals.slice(0, TOP_RULES)).map((t) => (
              <tr key={t.rule}>
                <td>{ruleLabel(t.rule)}</td>
                <td className={s.num}>{t.count.toLocaleString('en-US')}</td>
                <td className={s.num}>{money(t.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {totals.length > TOP_RULES && (
          <div>
            <Button size="small" appearance="subtle" aria-expanded={allTotals} onClick={() => setAllTotals(!allTotals)}>
              {allTotals ? `Show the top ${TOP_RULES}` : `Show all ${totals.length} rules`}
            </Button>
          </div>
        )}
      </section>
      <section className={s.section} aria-labelledby="findings-heading">
        <Subtitle2 as="h2" id="findings-heading" className={s.heading} aria-live="polite">
          {filtered.length.toLocaleString('en-US')} finding{filtered.length === 1 ? '' : 's'}
        </Subtitle2>
        <ul className={s.list}>
          {filtered.slice(0, shown).map((f) => (
            <FindingCard key={f.id} finding={f} onSelect={onSelect} />
          ))}
        </ul>
        {filtered.length > shown && (
          <Button onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, filtered.length - shown)} more</Button>
        )}
      </section>
    </div>
  );
}
