import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { PaneError } from '../errors';

export interface MessagesProps {
  error: PaneError | null;
  notice: string | null;
  onDismissError: () => void;
  onDismissNotice: () => void;
}

/** The pane's one error (what happened, where, what to do) and its last confirmation. */
export function Messages({ error, notice, onDismissError, onDismissNotice }: MessagesProps): React.JSX.Element | null {
  if (!error && !notice) return null;
  return (
    <div>
      {error && (
        <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="pane-error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            <div>{error.message}</div>
            <div>
              <strong>What to do: </strong>
              {error.action}
            </div>
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss error" icon={<DismissRegular />} onClick={onDismissError} />} />
        </MessageBar>
      )}
      {notice && !error && (
        <MessageBar intent="success" layout="multiline" politeness="polite" data-testid="pane-notice">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss message" icon={<DismissRegular />} onClick={onDismissNotice} />} />
        </MessageBar>
      )}
    </div>
  );
}
