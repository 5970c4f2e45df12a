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
 * - Money: a number within 0.000001 of a whole cent is that cent (a
 *   formula's binary remainder); `-`, `–`, `$ -` are the accounting zero.
 * - Lines are plain data (structuredClone copies them); one-code
 *   diagnosis/modifier lists are shared, frozen arrays within a sheet.
 */
export { ingestLedger, scoreLedgerGrid, type IngestResult, type IngestOptions } from './ledger/ingestLedger';
export { combineLedgers } from './ledger/workbookLedger';
export { checkColumnMap, mapPastLastColumn, lastUsedColumn, type ColumnMap, type ColumnMapCheck } from './headers/columnMap';
export { detectHeaderRow, type HeaderDetection, type HeaderResult, type HeaderOptions } from './headers/detectHeaderRow';
export { readConfig, configSheetName, CONFIG_SHEETS, CONFIG_COLUMNS, type ConfigResult } from './config/readConfig';
export { POLICY_KEYS, type PolicyKey } from './config/configSheets';
export { parseMoney, parseMoneyReceived, parseMoneyNonNegative, parseMoneyText } from './values/parseMoney';
export { parseDate, parseDateText, parseDateSerial } from './values/parseDate';
export { parseText, parseCode } from './values/parseText';
export { parsePercent } from './values/parsePercent';
export { parseUnits, parseFlag, parseWholeNumber } from './values/parseNumber';
export { normaliseStatus } from './values/parseStatus';
export { transactionKind, type TransactionKind } from './values/parseTransactionType';
export { Invalid, isInvalid } from './values/invalid';
export type { CellGrid, CellValue } from './grid';
