/**
 * Every failure the pane shows, as a title, what happened (naming the sheet
 * and cell when known) and what to do. Errors are surfaced, never swallowed.
 */
export interface PaneError {
  readonly title: string;
  readonly message: string;
  readonly action: string;
}

interface OfficeLikeError {
  name?: string;
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

export function describeError(e: unknown, doing: string): PaneError {
  const err = (e ?? {}) as OfficeLikeError;
  const message = err.message ?? String(e);
  if (err.name === 'LedgerError') {
    return { title: 'The ledger could not be read', message, action: 'Fix the sheet or cell named above (or pick the ledger sheets and columns on this page), then select Analyze again.' };
  }
  switch (err.code) {
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return { title: `${doing} failed: the workbook is too large for one request`, message, action: 'Try again; if it keeps failing, use Excel desktop for this workbook.' };
    case 'InvalidOperation':
    case 'AccessDenied':
      return { title: `${doing} failed: Excel refused the change`, message, action: 'Finish editing any cell (press Enter or Esc), unprotect the sheet or workbook, then try again.' };
    case 'ItemNotFound':
      return { title: `${doing} failed: a sheet is missing`, message, action: 'A sheet may have been renamed or deleted by you or a co-author. Analyze again, then retry.' };
    default:
      break;
  }
  if (err.name === 'WorkerFailure') {
    return { title: `${doing} stopped`, message, action: 'Reload the add-in (close and reopen the pane) and try again. Nothing was written.' };
  }
  return { title: `${doing} failed`, message, action: 'Try again. If it fails again, note the message above for support; your workbook was not changed by the failed step.' };
}
