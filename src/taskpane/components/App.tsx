import * as React from 'react';
import { Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { HostKind } from '../../excel/officeHost';
import type { PaneActions, PaneState, TabId } from '../state/usePane';
import { Header } from './Header';
import { HostStatus } from './HostStatus';
import { Messages } from './Messages';
import { StartPanel } from './StartPanel';
import { FindingsPanel } from './FindingsPanel';
import { AccountPanel } from './AccountPanel';
import { PlanPanel } from './PlanPanel';
import { SummaryPanel } from './SummaryPanel';

export interface AppProps {
  title: string;
  version: string;
  host: HostKind;
  state: PaneState;
  actions: PaneActions;
  /** The host can create the configuration sheets. */
  canSetup: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    flex: '1 1 auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
});

const TABS: readonly [TabId, string][] = [
  ['start', 'Start'],
  ['findings', 'Findings'],
  ['account', 'Accounts'],
  ['plan', 'Plan'],
  ['summary', 'Summary'],
];

export function App({ title, version, host, state, actions, canSetup }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const inExcel = host === 'excel';
  const v = state.view;
  const busy = state.writing !== null || state.running;
  const enabled = (t: TabId): boolean => t === 'start' || (v !== null && !state.running);
  return (
    <div className={styles.root}>
      <Header title={title} version={version} logo="assets/icon-80.png" />
      {inExcel && (
        <TabList className={styles.tabs} size="small" selectedValue={state.tab} onTabSelect={(_, d) => actions.setTab(d.value as TabId)} aria-label="Patient Ledger sections">
          {TABS.map(([id, label]) => (
            <Tab key={id} id={`tab-${id}`} value={id} disabled={!enabled(id)} aria-controls="pane-panel">
              {label}
            </Tab>
          ))}
        </TabList>
      )}
      <main className={styles.main} id="pane-panel" role={inExcel ? 'tabpanel' : undefined} aria-labelledby={inExcel ? `tab-${state.tab}` : undefined}>
        <HostStatus host={host} />
        <Messages error={state.error} notice={state.notice} onDismissError={actions.dismissError} onDismissNotice={actions.dismissNotice} />
        {state.tab === 'start' && <StartPanel state={state} actions={actions} inExcel={inExcel} canSetup={canSetup} />}
        {state.tab === 'findings' && v && <FindingsPanel view={v} onSelect={actions.selectFinding} />}
        {state.tab === 'account' && v && (
          <AccountPanel accounts={v.accounts} detail={state.account} busy={busy} onOpen={actions.openAccount} onBill={actions.bill} onPlan={actions.planFor} />
        )}
        {state.tab === 'plan' && <PlanPanel inputs={state.planInputs} patientName={state.account?.account === state.planInputs.account ? state.account.patientName : null} preview={state.preview} busy={busy || v === null} onChange={actions.setPlanInput} onWrite={actions.writeSchedule} />}
        {state.tab === 'summary' && v && <SummaryPanel view={v} busy={busy} onWrite={actions.writeSummary} />}
      </main>
      <footer className={styles.footer}>
        <Caption1>Ledger data stays in your workbook: the add-in sends none of it over the network.</Caption1>
      </footer>
    </div>
  );
}
