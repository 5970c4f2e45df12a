/**
 * Task pane bootstrap: renders at once (Office.js may be absent — a plain
 * browser, the browser test), then re-renders when the host is known.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { watchHost, type HostKind } from '../excel/officeHost';

const TITLE = 'Patient Ledger';

function Root(): React.JSX.Element {
  const [host, setHost] = React.useState<HostKind>('starting');
  React.useEffect(() => watchHost(setHost), []);
  return (
    <FluentProvider theme={webLightTheme}>
      <App title={TITLE} version={__APP_VERSION__} host={host} />
    </FluentProvider>
  );
}

const container = document.getElementById('container');
// Internet Explorer (old Office on Windows) gets the page's own notice instead.
const isInternetExplorer = (document as Document & { documentMode?: number }).documentMode !== undefined;
if (container && !isInternetExplorer) createRoot(container).render(<Root />);
