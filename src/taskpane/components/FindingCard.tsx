import * as React from 'react';
import { Badge, Button, Caption1 } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, LocationRegular } from '@fluentui/react-icons';
import type { FindingView } from '../worker/protocol';
import { cellRef, fieldLabel, money, ruleLabel, usDate } from '../format';
import { usePanelStyles } from './styles';

export interface FindingCardProps {
  finding: FindingView;
  onSelect: (f: FindingView) => void;
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** One finding: what, where (a button that selects the cell), and its working on demand. */
export function FindingCard({ finding: f, onSelect }: FindingCardProps): React.JSX.Element {
  const s = usePanelStyles();
  const [open, setOpen] = React.useState(false);
  const where = f.cell ? cellRef(f.sheet, f.cell) : f.sheet;
  const workingId = `working-${f.id}`;
  const inputs = Object.entries(f.inputs);
  return (
    <li className={s.card} data-testid="finding">
      <div className={s.row}>
        <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]}>
          {f.severity}
        </Badge>
        <strong>{ruleLabel(f.rule)}</strong>
        {f.amount !== null && <span className={s.num}>{money(f.amount)}</span>}
      </div>
      <span>{f.message}</span>
      <Caption1 className={s.hint}>
        {[f.account ? `Account ${f.account}` : null, f.patientName, f.serviceDate ? `DOS ${usDate(f.serviceDate)}` : null, f.code, f.payer].filter(Boolean).join(' · ')}
      </Caption1>
      <div className={s.row}>
        {f.cell && (
          <Button size="small" icon={<LocationRegular />} onClick={() => onSelect(f)} aria-label={`Select ${where} in the ledger`}>
            {where}
          </Button>
        )}
        {inputs.length > 0 && (
          <Button size="small" appearance="subtle" icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />} aria-expanded={open} aria-controls={workingId} onClick={() => setOpen(!open)}>
            Working
          </Button>
        )}
      </div>
      {open && (
        <table className={s.table} id={workingId}>
          <tbody>
            {inputs.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{fieldLabel(k)}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
