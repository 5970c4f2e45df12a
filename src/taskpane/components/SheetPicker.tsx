import * as React from 'react';
import { Checkbox, Subtitle2 } from '@fluentui/react-components';
import type { SheetInfo } from '../../app/port';
import { isConfigSheet } from './configSheets';
import { usePanelStyles } from './styles';

export interface SheetPickerProps {
  sheets: readonly SheetInfo[] | null;
  picked: readonly string[];
  onToggle: (sheet: string) => void;
}

/** The ledger sheets to read: none ticked means every sheet that looks like a ledger (DESIGN §3). */
export function SheetPicker({ sheets, picked, onToggle }: SheetPickerProps): React.JSX.Element {
  const s = usePanelStyles();
  const candidates = (sheets ?? []).filter((x) => !isConfigSheet(x.name));
  return (
    <section className={s.section} aria-labelledby="sheets-heading">
      <Subtitle2 as="h2" id="sheets-heading" className={s.heading}>
        Ledger sheets
      </Subtitle2>
      {sheets === null ? (
        <span className={s.hint}>Looking at the workbook…</span>
      ) : candidates.length === 0 ? (
        <span className={s.hint}>This workbook has no sheet that could hold a ledger.</span>
      ) : (
        <>
          <span className={s.hint} id="sheets-hint">
            {picked.length === 0 ? 'None ticked: every sheet that looks like a ledger is read.' : `Only the ${picked.length} ticked sheet(s) are read.`}
          </span>
          <ul className={s.list} aria-describedby="sheets-hint">
            {candidates.map((sheet) => (
              <li key={sheet.name}>
                <Checkbox
                  label={sheet.tables.length > 0 ? `${sheet.name} (table ${sheet.tables.join(', ')})` : sheet.name}
                  checked={picked.includes(sheet.name)}
                  onChange={() => onToggle(sheet.name)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
