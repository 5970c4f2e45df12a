/** Public shapes of the sample generator. */
import type { Day } from '../../src/domain/day';
import type { Config, ConfigSheetName } from '../../src/domain/config';
import type { CellValue } from '../../src/ingest/grid';
import type { InjectedKind, SampleField } from './model';
import type { OracleBasis, OracleLine } from '../../test/oracle';

export type { InjectedKind, SampleField } from './model';

export interface SampleOptions {
  readonly seed: number;
  /** Charge lines (service lines) in the ledger, duplicates and excluded rows included. */
  readonly lines: number;
  /** The as-of (statement) date; service dates fall before it. */
  readonly asOf: Day;
  /** false = a clean ledger; true = ~3 % of lines per problem kind; a number = that rate per kind. */
  readonly problems: boolean | number;
  readonly kind?: 'service-line' | 'transaction';
  /** Rows above the header (default 3: practice name, export date, blank). */
  readonly titleRows?: number;
  /** Only these problem kinds are injected (default: every kind). */
  readonly kinds?: readonly InjectedKind[];
  /** Also return `model`: every charge line as the oracle reads it. */
  readonly model?: boolean;
}

/** A charge line as the oracle reads it, with its 1-based Excel row; `excluded` rows never reach the engine. */
export type SampleModelLine = OracleLine & { readonly row: number; readonly excluded: boolean };

export interface SampleLedger {
  readonly sheet: 'Ledger';
  readonly kind: 'service-line' | 'transaction';
  readonly header: string[];
  /** Data rows below the header: rows[i] is Excel row headerRow + 1 + i. */
  readonly rows: CellValue[][];
  /** 1-based Excel row of the header. */
  readonly headerRow: number;
  /** The rows above the header (title, export date, blanks), as wide as the header. */
  readonly titleRows: CellValue[][];
  /** Field → 1-based column (Mod 1/2 and Dx 1..4 are separate fields: mod1, dx1, …). */
  readonly columns: Partial<Record<SampleField, number>>;
}

export interface InjectedProblem {
  readonly kind: InjectedKind;
  /** 1-based Excel row (a transaction ledger: the line's charge row). */
  readonly row: number;
  /** A1 address of the cell at fault, when there is one. */
  readonly cell?: string;
  readonly account?: string;
}

/** Expected shares for one clean charge line (money as "1234.50" strings, DESIGN §7). */
export interface ExpectedLine {
  readonly row: number;
  readonly account: string;
  readonly serviceDate: string;
  readonly code: string;
  readonly basis: OracleBasis;
  readonly billed: string;
  readonly allowed: string;
  readonly contractual: string;
  readonly patientShare: string;
  readonly insurerShare: string;
  readonly secondaryShare: string;
  /** The primary plan's split ("0.00" when not covered / self-pay). */
  readonly copay: string;
  readonly deductible: string;
  readonly coinsurance: string;
}

/** What ingest should count for this ledger (DESIGN §3: read = analysed + excluded + blank + total). */
export interface SampleCounts {
  readonly rowsRead: number;
  readonly linesAnalyzed: number;
  readonly excludedRows: number;
  readonly blankRows: number;
  readonly totalRows: number;
  /** Charge lines (service lines) including excluded ones. */
  readonly chargeLines: number;
}

export interface GeneratedSample {
  readonly seed: number;
  readonly asOf: Day;
  readonly ledger: SampleLedger;
  readonly config: Record<ConfigSheetName, CellValue[][]>;
  /** The same configuration, typed (row = its sheet row) — for engine tests that skip ingest. */
  readonly typedConfig: Config;
  readonly injected: InjectedProblem[];
  readonly expected: ExpectedLine[];
  readonly counts: SampleCounts;
  /** With `model: true`: every charge line in sheet order, as the oracle reads it. */
  readonly model?: readonly SampleModelLine[];
}
