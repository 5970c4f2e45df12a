/** Public API of ingestion: cell grids → canonical ledger and configuration. */
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
