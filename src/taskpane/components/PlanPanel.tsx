import * as React from 'react';
import { Button, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import type { PlanInputs, PlanPreviewOutcome } from '../worker/protocol';
import { PlanPreviewView } from './PlanPreviewView';
import { usePanelStyles } from './styles';

export interface PlanPanelProps {
  inputs: PlanInputs;
  /** The patient's name, when the plan was started from their account. */
  patientName: string | null;
  preview: PlanPreviewOutcome | null;
  busy: boolean;
  onChange: (field: keyof PlanInputs, value: string) => void;
  onWrite: () => void;
}

const FIELDS: readonly { field: keyof PlanInputs; label: string; hint: string; type?: 'date' | 'text'; inputMode?: 'decimal' | 'numeric' | 'text' }[] = [
  { field: 'balance', label: 'Balance', hint: 'What the patient owes, e.g. 1234.56', inputMode: 'decimal' },
  { field: 'monthlyIncome', label: 'Gross monthly income', hint: 'Empty if unknown: no assistance discount', inputMode: 'decimal' },
  { field: 'householdSize', label: 'Household size', hint: 'People in the household', inputMode: 'numeric' },
  { field: 'state', label: 'State', hint: 'Two letters; AK and HI have their own poverty guidelines', inputMode: 'text' },
  { field: 'start', label: 'First payment', hint: 'Due date of the first payment', type: 'date' },
  { field: 'apr', label: 'APR (%)', hint: "Empty: the workbook's Policy APR", inputMode: 'decimal' },
];

/** The plan form; the preview follows every keystroke; Write schedule creates the Payment Plan sheet. */
export function PlanPanel({ inputs, patientName, preview, busy, onChange, onWrite }: PlanPanelProps): React.JSX.Element {
  const s = usePanelStyles();
  const badField = preview && !preview.ok ? preview.field : null;
  return (
    <div className={s.panel}>
      {inputs.account && (
        <Subtitle2 as="h2" className={s.heading}>
          Payment plan · {patientName ? `${patientName} · ` : ''}
          {inputs.account}
        </Subtitle2>
      )}
      <div className={s.section}>
        {FIELDS.map((f) => (
          <Field
            key={f.field}
            label={f.label}
            hint={f.hint}
            size="small"
            {...(badField === f.field ? { validationState: 'error' as const, validationMessage: preview && !preview.ok ? preview.message : '' } : {})}
          >
            <Input size="small" type={f.type ?? 'text'} inputMode={f.inputMode} value={inputs[f.field] ?? ''} onChange={(_, d) => onChange(f.field, d.value)} />
          </Field>
        ))}
      </div>
      {preview?.ok && <PlanPreviewView plan={preview.plan} />}
      <div>
        <Button appearance="primary" icon={<SaveRegular />} disabledFocusable={busy || !preview?.ok} onClick={busy || !preview?.ok ? undefined : onWrite}>
          Write schedule
        </Button>
      </div>
    </div>
  );
}
