/**
 * Public API of ingestion: cell grids → canonical ledger and configuration
 * (DESIGN §3, §4). Pure and synchronous.
 *
 * Decisions where DESIGN is silent (each is explained where it is made):
 * - Two-digit years follow Excel's window (00–29 → 2000s, 30–99 → 1900s);
 *   `03.02.2026` (dots, the European form) is not read; `20260302` is.
 * - Money: trailing zeros beyond the cents are fine ("12.500"); a negative
 *   charge or allowed amount is an issue; payments/adjustments lose their
 *   export sign; balance keeps it.
 * - Total rows: a total label ("Total", "Subtotal", "Grand Total", "Totals:",
 *   "Total for …", "… Total") in a row whose code cell is blank, or a row with
 *   amounts but no account, code or date of service.
 * - A row with nothing in account, date of service, code and charge (a note)
 *   is one issue, not four.
 * - Transaction ledgers: `Sec Pmt` → secondaryPaid; refunds → patientRefunded
 *   with patientPaid left gross (balance = billed − adjustments − payments +
 *   refunds, as domain `lineBalance`); an insurance refund/recoupment reduces
 *   insurerPaid; the Balance column (a running balance) is not carried.
 * - Service lines' `cells` are a read-only proxy built on read (see
 *   ledger/lazyCells.ts): spread it before a structuredClone/postMessage.
 * - One-code diagnosis/modifier lists are shared, frozen arrays.
 */
export { ingestLedger, scoreLedgerGrid, type IngestResult, type IngestOptions } from './ledger/ingestLedger';
export { detectHeaderRow, type HeaderDetection, type HeaderResult, type HeaderOptions } from './headers/detectHeaderRow';
export { readConfig, CONFIG_SHEETS, type ConfigResult } from './config/readConfig';
export { parseMoney, parseMoneyReceived, parseMoneyNonNegative, parseMoneyText } from './values/parseMoney';
export { parseDate, parseDateText, parseDateSerial } from './values/parseDate';
export { parseText, parseCode } from './values/parseText';
export { parsePercent } from './values/parsePercent';
export { parseUnits, parseFlag, parseWholeNumber } from './values/parseNumber';
export { normaliseStatus } from './values/parseStatus';
export { transactionKind, type TransactionKind } from './values/parseTransactionType';
export { Invalid, isInvalid } from './values/invalid';
export type { CellGrid, CellValue } from './grid';
