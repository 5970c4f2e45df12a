/**
 * Sample workbooks in the shapes practice-management exports really have
 * (issue 10), for end-to-end tests:
 * - `service-lines`: one Ledger sheet with a Payer column, plus the
 *   configuration sheets (what `npm run demo` analyses);
 * - `bare`: the same ledger without a Payer column and without any
 *   configuration sheet (coverage unknown: DESIGN §4), with only the problems
 *   that need no configuration;
 * - `transactions`: one row per charge, payment, adjustment (Type + Amount);
 * - `monthly`: the service-line ledger split into one sheet per month of
 *   service (Jan, Feb, …, workbook order = calendar order), analysed as one
 *   ledger, so deductibles met in January carry into February.
 * Each comes with the model the oracle reads and the injected problems with
 * their sheet and cell.
 */
import type { ConfigSheetName } from '../../src/domain/config';
import { parseIso } from '../../src/domain/day';
import { columnLetters, columnNumber } from '../../src/domain/cellAddress';
import type { CellValue } from '../../src/ingest/grid';
import { oracleCoverage, oracleTables } from './adjudicate';
import { PRACTICE_TABLES } from './configSheets';
import { generateSample } from './generate';
import type { InjectedKind } from './model';
import type { GeneratedSample, SampleModelLine } from './types';
import type { OracleTables, OracleWorkbook } from '../../test/oracle';

export type WorkbookShape = 'service-lines' | 'bare' | 'transactions' | 'monthly';

export interface WorkbookOptions {
  readonly shape: WorkbookShape;
  readonly seed: number;
  readonly lines: number;
  /** Default 2026-11-01. */
  readonly asOf?: string;
  /** As generateSample's (default true: ~3 % of lines per problem kind). */
  readonly problems?: boolean | number;
}

export interface SheetGrid {
  readonly name: string;
  /** Every row from A1: title rows, header, data. */
  readonly values: CellValue[][];
  readonly headerRow: number;
}

export interface PlacedProblem {
  readonly kind: InjectedKind;
  readonly sheet: string;
  readonly row: number;
  readonly cell?: string;
  readonly account?: string;
}

export interface SheetCounts {
  readonly sheet: string;
  readonly rowsRead: number;
  readonly blankRows: number;
  readonly totalRows: number;
  /** Rows the generator made unreadable on purpose (junk, impossible date, 3 decimals). */
  readonly excludedRows: number;
}

export interface SampleWorkbook {
  readonly shape: WorkbookShape;
  readonly asOf: string;
  /** Ledger sheets in workbook order. */
  readonly sheets: readonly SheetGrid[];
  /** The configuration sheets, or null (bare). */
  readonly config: Record<ConfigSheetName, CellValue[][]> | null;
  /** What the oracle reads: tables, the workbook's facts, every analysed charge line in sheet order with its sheet and row. */
  readonly model: { readonly tables: OracleTables; readonly workbook: OracleWorkbook; readonly lines: readonly (SampleModelLine & { readonly sheet: string })[] };
  readonly injected: readonly PlacedProblem[];
  readonly counts: readonly SheetCounts[];
  /** The underlying sample (one Ledger sheet), for anything not above. */
  readonly sample: GeneratedSample;
}

/** Problems a bare export can show: none needs a Payer column or configuration. */
const BARE_KINDS: readonly InjectedKind[] = [
  'DUPLICATE_CHARGE', 'INVALID_PROCEDURE_CODE', 'INVALID_DIAGNOSIS_CODE', 'INVALID_MODIFIER', 'MISSING_DIAGNOSIS', 'DATE_ERROR',
  'BALANCE_MISMATCH', 'DENIED_UNWORKED', 'CREDIT_BALANCE', 'COLLECTIONS_CANDIDATE', 'JUNK_CELL', 'BAD_DATE', 'MONEY_3_DECIMALS',
];
const EXCLUDING: ReadonlySet<InjectedKind> = new Set(['JUNK_CELL', 'BAD_DATE', 'MONEY_3_DECIMALS']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function generateWorkbook(opts: WorkbookOptions): SampleWorkbook {
  const asOfIso = opts.asOf ?? '2026-11-01';
  const asOf = parseIso(asOfIso);
  if (asOf === null) throw new Error(`generateWorkbook: bad asOf ${asOfIso}`);
  const shape = opts.shape;
  const sample = generateSample({
    seed: opts.seed, lines: opts.lines, asOf, problems: opts.problems ?? true, model: true,
    kind: shape === 'transactions' ? 'transaction' : 'service-line',
    ...(shape === 'bare' ? { kinds: BARE_KINDS } : {}),
  });
  const bare = shape === 'bare';
  const payerCol = bare ? sample.ledger.columns.payer! - 1 : -1;
  const dropPayer = (row: CellValue[]): CellValue[] => (payerCol < 0 ? row : row.filter((_, c) => c !== payerCol));
  const title = sample.ledger.titleRows.map(dropPayer);
  const header = dropPayer(sample.ledger.header);
  const rows = sample.ledger.rows.map(dropPayer);
  const headerRow = sample.ledger.headerRow;
  const model = sample.model!;
  const byRow = new Map(model.map((l) => [l.row, l]));

  // Which sheet each data row goes to (one "Ledger" sheet unless monthly).
  const sheetOfRow: string[] = [];
  if (shape === 'monthly') {
    const years = new Set(model.map((l) => l.serviceDate.slice(0, 4)));
    const name = (iso: string): string => `${MONTHS[Number(iso.slice(5, 7)) - 1]}${years.size > 1 ? ` ${iso.slice(0, 4)}` : ''}`;
    let last = name(model[0]?.serviceDate ?? asOfIso);
    rows.forEach((_, i) => {
      const l = byRow.get(headerRow + 1 + i);
      if (l) last = name(l.serviceDate);
      sheetOfRow.push(last); // blank and total rows stay with the row before them
    });
  } else {
    rows.forEach(() => sheetOfRow.push('Ledger'));
  }
  const monthKey = (n: string): string => {
    const [m, y] = n.split(' ');
    return `${y ?? ''}-${String(MONTHS.indexOf(m!)).padStart(2, '0')}`;
  };
  const names = [...new Set(sheetOfRow)].sort((a, b) => (shape === 'monthly' ? monthKey(a).localeCompare(monthKey(b)) : 0));
  if (names.length === 0) names.push('Ledger');

  // New row numbers per sheet.
  const newRow = new Map<number, { sheet: string; row: number }>();
  const grids = new Map<string, CellValue[][]>(names.map((n) => [n, [...title.map((r) => [...r]), header]]));
  rows.forEach((r, i) => {
    const sheet = sheetOfRow[i]!;
    const g = grids.get(sheet)!;
    g.push(r);
    newRow.set(headerRow + 1 + i, { sheet, row: g.length });
  });

  const place = (row: number, cell: string | undefined): { sheet: string; row: number; cell?: string } => {
    const at = newRow.get(row) ?? { sheet: names[0]!, row };
    if (cell === undefined) return at;
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    let col = columnNumber(m[1]!)!;
    if (payerCol >= 0 && col - 1 > payerCol) col--;
    return { ...at, cell: `${columnLetters(col)}${at.row}` };
  };
  // In a bare export a self-pay patient's lines carry nothing an insurer posted, so DESIGN §4 reads them as
  // still pending with insurance (coverage unknown is not self-pay): never billed, so no collections case.
  const insurerPostedOn = new Set(model.filter((l) => (l.insurerPaid ?? 0) !== 0 || (l.secondaryPaid ?? 0) !== 0 || (l.denialCode ?? '') !== '').map((l) => l.account));
  const detectable = (p: (typeof sample.injected)[number]): boolean =>
    !(bare && p.kind === 'COLLECTIONS_CANDIDATE' && p.account !== undefined && !insurerPostedOn.has(p.account));
  const injected: PlacedProblem[] = sample.injected.filter(detectable)
    .map((p) => ({ kind: p.kind, ...place(p.row, p.cell), ...(p.account !== undefined ? { account: p.account } : {}) }));
  const lines = model
    .filter((l) => !l.excluded)
    .map((l) => {
      const at = place(l.row, undefined);
      return { ...l, payer: bare ? null : l.payer, sheet: at.sheet, row: at.row };
    })
    .sort((a, b) => names.indexOf(a.sheet) - names.indexOf(b.sheet) || a.row - b.row);

  const counts = names.map((sheet) => {
    const mine = injected.filter((p) => p.sheet === sheet);
    const rowsOf = (ks: (k: InjectedKind) => boolean): number => new Set(mine.filter((p) => ks(p.kind)).map((p) => p.row)).size;
    return {
      sheet, rowsRead: grids.get(sheet)!.length - headerRow, blankRows: rowsOf((k) => k === 'BLANK_ROW'),
      totalRows: rowsOf((k) => k === 'TOTAL_ROW'), excludedRows: rowsOf((k) => EXCLUDING.has(k)),
    };
  });

  return {
    shape, asOf: asOfIso,
    sheets: names.map((name) => ({ name, values: grids.get(name)!, headerRow })),
    config: bare ? null : sample.config,
    model: {
      tables: bare ? { plans: null, benefits: null, feeSchedule: null } : oracleTables(PRACTICE_TABLES),
      workbook: { hasPayerColumn: !bare, coverage: bare ? null : oracleCoverage(sample.typedConfig.coverage), asOf: asOfIso },
      lines,
    },
    injected, counts, sample,
  };
}
