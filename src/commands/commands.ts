/**
 * Ribbon command handlers, loaded by the manifest's FunctionFile
 * (commands.html). Today the only ribbon button opens the task pane, which
 * Office does by itself (ShowTaskpane); `action` is the placeholder for the
 * first ExecuteFunction command and shows how a handler must finish.
 */

/** An ExecuteFunction handler must call event.completed(), or Office shows it running forever. */
export function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

// Office may be missing (office.js failed to load, or the page was opened in a
// plain browser): then there is nothing to register with.
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') {
  void office.onReady(() => {
    // Office.actions needs a recent runtime; older hosts look an ExecuteFunction
    // handler up as a global function of the function file, so offer both.
    (globalThis as { action?: typeof action }).action = action;
    if (office.actions && typeof office.actions.associate === 'function') {
      office.actions.associate('action', action);
    }
  });
}
