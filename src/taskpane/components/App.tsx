import * as React from 'react';
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { HostKind } from '../../excel/officeHost';
import { Header } from './Header';
import { HostStatus } from './HostStatus';

export interface AppProps {
  title: string;
  version: string;
  host: HostKind;
  /** Runs the analysis; absent until that feature exists, which disables the button. */
  onAnalyze?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  main: {
    flex: '1 1 auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  actions: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
  footer: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
});

const CHECKS = [
  'What each insurer should have paid and what each patient owes, line by line',
  'Underpayments, overpayments, duplicates, refunds due and coding mistakes',
  'A bill per patient, with a payment plan that fits their income',
];

export function App({ title, version, host, onAnalyze }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const canAnalyze = host === 'excel' && onAnalyze !== undefined;
  return (
    <div className={styles.root}>
      <Header title={title} version={version} logo="assets/icon-80.png" />
      <main className={styles.main}>
        <Body1 as="p" className={styles.heading}>
          Checks the patient ledger in this workbook and writes the results to new sheets.
        </Body1>
        <HostStatus host={host} />
        <section className={styles.section} aria-labelledby="checks-heading">
          <Subtitle2 as="h2" id="checks-heading" className={styles.heading}>
            What it checks
          </Subtitle2>
          <ul className={styles.list}>
            {CHECKS.map((c) => (
              <li key={c}>
                <Body1>{c}</Body1>
              </li>
            ))}
          </ul>
        </section>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabledFocusable={!canAnalyze}
            onClick={canAnalyze ? onAnalyze : undefined}
            aria-describedby="analyze-hint"
          >
            Analyze ledger
          </Button>
          <Caption1 id="analyze-hint" className={styles.hint}>
            {canAnalyze ? 'Reads the ledger sheet; your data is not changed.' : 'Analysis arrives in the next version.'}
          </Caption1>
        </div>
      </main>
      <footer className={styles.footer}>
        <Caption1>Ledger data stays in your workbook: the add-in sends none of it over the network.</Caption1>
      </footer>
    </div>
  );
}
