import * as React from 'react';
import { Button, Subtitle2 } from '@fluentui/react-components';
import { TableAddRegular } from '@fluentui/react-icons';
import { missingConfigSheets } from './configSheets';
import { usePanelStyles } from './styles';

export interface SetupCardProps {
  sheetNames: readonly string[];
  busy: boolean;
  /** Absent when this host cannot create the sheets. */
  onSetup?: (sheets: readonly string[]) => void;
}

/** Says which configuration sheets are missing and what each would add; offers to create them. */
export function SetupCard({ sheetNames, busy, onSetup }: SetupCardProps): React.JSX.Element | null {
  const s = usePanelStyles();
  const missing = missingConfigSheets(sheetNames);
  if (missing.length === 0) return null;
  return (
    <section className={s.section} aria-labelledby="setup-heading">
      <Subtitle2 as="h2" id="setup-heading" className={s.heading}>
        Configuration sheets
      </Subtitle2>
      <span className={s.hint}>
        Without them the add-in still checks arithmetic, codes and duplicates and builds bills. Missing:
      </span>
      <ul className={s.list}>
        {missing.map((m) => (
          <li key={m.name}>
            <strong>{m.name}</strong> — {m.adds}
          </li>
        ))}
      </ul>
      {onSetup && (
        <div>
          <Button icon={<TableAddRegular />} disabledFocusable={busy} onClick={busy ? undefined : () => onSetup(missing.map((m) => m.name))}>
            Set up workbook
          </Button>
        </div>
      )}
    </section>
  );
}
