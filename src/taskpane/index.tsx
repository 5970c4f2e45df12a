/**
 * Task pane bootstrap: renders at once (Office.js may be absent — a plain
 * browser), then re-renders when the host is known. Host code stays here and
 * in officePaneHost.ts; the components get state and callbacks.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './components/App';
import { watchHost, type HostKind } from '../excel/officeHost';
import { officePaneHost } from './officePaneHost';
import { AnalysisClient, type WorkerLike } from './analysis/analysisClient';
import { usePane } from './state/usePane';
import { fluentTheme, paneTheme } from './theme';
import type { PaneTheme } from '../excel/officeTheme';

const TITLE = 'Patient Ledger';

/** The worker's file, named (with its content hash) by the build in a meta tag of taskpane.html. */
function createWorker(): WorkerLike {
  const file = document.querySelector('meta[name="pl-analysis-worker"]')?.getAttribute('content');
  if (!file) throw new Error('The add-in was built without its analysis worker (taskpane.html names none).');
  return new Worker(file) as unknown as WorkerLike;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Root(): React.JSX.Element {
  const [host, setHost] = React.useState<HostKind>('starting');
  const [theme, setTheme] = React.useState<PaneTheme>(() => paneTheme());
  const paneHost = React.useMemo(officePaneHost, []);
  const client = React.useMemo(() => new AnalysisClient(createWorker), []);
  const [state, actions] = usePane({ host: paneHost, client, version: __APP_VERSION__, today: todayIso });
  React.useEffect(() => watchHost(setHost), []);
  React.useEffect(() => {
    if (host !== 'excel') return;
    setTheme(paneTheme());
    actions.refreshSheets();
  }, [host]);
  return (
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
      <App title={TITLE} version={__APP_VERSION__} host={host} state={state} actions={actions} canSetup={paneHost.setupWorkbook !== undefined} />
    </FluentProvider>
  );
}

const container = document.getElementById('container');
// Internet Explorer (old Office on Windows) gets the page's own notice instead.
const isInternetExplorer = (document as Document & { documentMode?: number }).documentMode !== undefined;
if (container && !isInternetExplorer) createRoot(container).render(<Root />);
