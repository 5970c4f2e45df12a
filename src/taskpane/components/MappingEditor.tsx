import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Dropdown, Option, Subtitle2 } from '@fluentui/react-components';
import type { MappingView } from '../worker/protocol';
import { fieldLabel } from '../format';
import { usePanelStyles } from './styles';

export interface MappingEditorProps {
  sheets: readonly MappingView[];
  /** sheet → field → column the user chose. */
  overrides: Readonly<Record<string, Readonly<Record<string, string>>>>;
  onChange: (sheet: string, field: string, column: string | null) => void;
}

const SHOWN_ALWAYS = ['account', 'patientName', 'serviceDate', 'code', 'billed', 'insurerPaid', 'patientPaid', 'adjustment', 'balance', 'payer'];
const AUTO = '__auto__';

function confidenceBadge(c: number): React.JSX.Element {
  const pct = Math.round(c * 100);
  const [color, word] = c >= 0.8 ? (['success', 'High'] as const) : c >= 0.5 ? (['warning', 'Medium'] as const) : (['danger', 'Low'] as const);
  return (
    <Badge appearance="tint" color={color}>
      {word} confidence {pct}%
    </Badge>
  );
}

/** Each ledger sheet's column mapping, with its confidence; a dropdown fixes a column (saved in the workbook). */
export function MappingEditor({ sheets, overrides, onChange }: MappingEditorProps): React.JSX.Element | null {
  const s = usePanelStyles();
  if (sheets.length === 0) return null;
  return (
    <section className={s.section} aria-labelledby="mapping-heading">
      <Subtitle2 as="h2" id="mapping-heading" className={s.heading}>
        Columns
      </Subtitle2>
      <Accordion collapsible multiple>
        {sheets.map((sheet) => {
          const columns = Object.entries(sheet.headers).sort(([a], [b]) => a.length - b.length || a.localeCompare(b));
          const fields = [...new Set([...SHOWN_ALWAYS, ...Object.keys(sheet.fields)])];
          const mine = overrides[sheet.sheet] ?? {};
          return (
            <AccordionItem key={sheet.sheet} value={sheet.sheet}>
              <AccordionHeader>
                <span className={s.row}>
                  {sheet.sheet}, header row {sheet.headerRow} {confidenceBadge(sheet.confidence)}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <table className={s.table}>
                  <caption className={s.hint}>Fields read from “{sheet.sheet}”. Change a column if it was matched wrongly.</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Column</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((field) => {
                      const chosen = mine[field];
                      const found = sheet.fields[field]?.[0];
                      const value = chosen ?? AUTO;
                      const label = (col: string | undefined): string => (col ? `${col} — ${sheet.headers[col] ?? ''}` : 'Not found');
                      const id = `map-${sheet.sheet}-${field}`.replace(/[^A-Za-z0-9_-]/g, '_');
                      return (
                        <tr key={field}>
                          <td id={id}>{fieldLabel(field)}</td>
                          <td>
                            <Dropdown
                              size="small"
                              aria-labelledby={id}
                              value={chosen ? label(chosen) : `Automatic: ${label(found)}`}
                              selectedOptions={[value]}
                              onOptionSelect={(_, d) => onChange(sheet.sheet, field, d.optionValue === AUTO || !d.optionValue ? null : d.optionValue)}
                            >
                              <Option value={AUTO} text={`Automatic: ${label(found)}`}>{`Automatic: ${label(found)}`}</Option>
                              {columns.map(([col]) => (
                                <Option key={col} value={col} text={label(col)}>
                                  {label(col)}
                                </Option>
                              ))}
                            </Dropdown>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
