import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { HostKind } from '../../excel/officeHost';

/** Tells the user where the pane is running when that limits what it can do. */
export function HostStatus({ host }: { host: HostKind }): React.JSX.Element | null {
  switch (host) {
    case 'starting':
      return <Spinner size="tiny" label="Connecting to Excel…" labelPosition="after" />;
    case 'browser':
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not running inside Excel</MessageBarTitle>
            <br />
            This is a preview. Open Patient Ledger from the Home tab in Excel to work with a ledger.
          </MessageBarBody>
        </MessageBar>
      );
    case 'otherHost':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Excel only</MessageBarTitle>
            <br />
            Patient Ledger works in Excel workbooks.
          </MessageBarBody>
        </MessageBar>
      );
    case 'excel':
      return null;
  }
}
