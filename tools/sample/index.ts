/** The sample ledger generator: public API. */
export { generateSample, DEFAULT_PROBLEM_RATE } from './generate';
export { SampleAdjudicator, oracleTables, oracleCoverage, oracleLine, type SampleShares, type SampleLineFacts } from './adjudicate';
export { SERVICE_COLUMNS, PRACTICE_NAME } from './renderLines';
export { TRANSACTION_COLUMNS } from './renderTransactions';
export { CONFIG_HEADERS } from './configSheets';
export { ledgerGrid, configGrid, ledgerCsv, ledgerMatrix, DATE_FORMAT, MONEY_FORMAT } from './grids';
export type {
  SampleOptions, GeneratedSample, SampleLedger, InjectedProblem, ExpectedLine, SampleCounts, InjectedKind, SampleField,
} from './types';
export { DEMO_SAMPLE_OPTIONS } from './demo';
export { generateWorkbook, type WorkbookShape, type WorkbookOptions, type SampleWorkbook, type SheetGrid, type PlacedProblem, type SheetCounts } from './workbook';
export type { SampleModelLine } from './types';
