/**
 * "Set up workbook" (issue 12, DESIGN §4): adds the configuration sheets a
 * workbook lacks, so a billing office has the places to type plans, fee
 * schedules, coverage, patients and policy.
 *
 * - Only MISSING sheets are planned: a sheet counts as present when its name
 *   matches one case-, space- and punctuation-insensitively — ingest's own
 *   rule (`configSheetName`), so "fee schedule" is the FeeSchedule sheet here
 *   exactly when the analysis reads it as one.
 * - Each new sheet holds its header row as DESIGN §4 lists the columns (the
 *   lists ingest reads, `CONFIG_COLUMNS`), and no example rows: an example
 *   would be read as data. `Policy` holds one row per key with its default
 *   (`DEFAULT_POLICY`), so the defaults are visible and editable; read back,
 *   it gives exactly DEFAULT_POLICY.
 * - These are the USER's sheets from then on: a writer adds them visible and
 *   untagged (never in the add-in's registry), so no later render rewrites or
 *   removes them; an existing sheet is never touched.
 */
// The leaf module, not the ingest barrel: the task pane imports this file, and needs no parser.
import { CONFIG_COLUMNS, CONFIG_SHEETS, POLICY_KEYS, configSheetName, type PolicyKey } from '../ingest/config/configSheets';
import type { ConfigSheetName, Policy } from '../domain/config';
import { DEFAULT_POLICY } from '../domain/policyDefaults';
import { percentToNumber, type Cents } from '../domain/money';
import { toIso } from '../domain/day';

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
/** Money in Policy: two decimals, no currency sign (the reader takes either). */
export const MONEY_FORMAT = '0.00';

/** A sheet to add: literal values only (no formula, no text that reads as one), with each cell's number format. */
export interface NewSheet {
  readonly name: ConfigSheetName;
  /** Row 1 is the header. A string is written as text (its cell is formatted `@`); null leaves the cell empty. */
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Same shape as `rows`. */
  readonly numberFormats: readonly (readonly string[])[];
}

/**
 * Adds the sheets `plan` returns, given every sheet name the workbook has at
 * the time of writing (hidden ones and the add-in's too), and resolves to the
 * names added. It never tags them, never touches an existing sheet.
 */
export type AddSheets = (plan: (existingNames: readonly string[]) => readonly NewSheet[]) => Promise<readonly string[]>;

/** Whether a sheet is one of the configuration sheets (by ingest's matching rule). */
export function isConfigSheet(sheetName: string): boolean {
  return configSheetName(sheetName) !== null;
}

/** The configuration sheets (§4 names, in §4 order) that none of these sheet names matches. */
export function missingConfigSheets(sheetNames: readonly string[]): ConfigSheetName[] {
  const present = new Set(sheetNames.map(configSheetName));
  return CONFIG_SHEETS.filter((n) => !present.has(n));
}

/** The sheets to add to a workbook with these sheets: the missing configuration sheets (limited to `only`, when given). */
export function planConfigSheets(sheetNames: readonly string[], only?: readonly string[]): NewSheet[] {
  const wanted = only === undefined ? null : new Set(only.map(configSheetName));
  return missingConfigSheets(sheetNames)
    .filter((n) => wanted === null || wanted.has(n))
    .map((name) => (name === 'Policy' ? policySheet(DEFAULT_POLICY) : headerOnly(name)));
}

/**
 * Adds the missing configuration sheets through `add`; the missing ones are
 * decided from the workbook's names at the time of writing. `only`: the
 * sheets the user was offered (a sheet someone added meanwhile is left alone).
 */
export async function setUpWorkbook(add: AddSheets, only?: readonly string[]): Promise<{ readonly created: readonly string[] }> {
  const created = await add((existing) => planConfigSheets(existing, only));
  return { created };
}

function headerOnly(name: ConfigSheetName): NewSheet {
  const header = [...CONFIG_COLUMNS[name]];
  return { name, rows: [header], numberFormats: [header.map(() => TEXT_FORMAT)] };
}

type PolicyCell = { readonly value: string | number | null; readonly format: string };

const money = (c: Cents): PolicyCell => ({ value: c / 100, format: MONEY_FORMAT });
const whole = (n: number): PolicyCell => ({ value: n, format: GENERAL_FORMAT });
const textOrBlank = (s: string | null): PolicyCell => (s === null ? { value: null, format: GENERAL_FORMAT } : { value: s, format: TEXT_FORMAT });

/**
 * Each Policy key's cell for a policy, in the form `readPolicy` reads back:
 * money in dollars, percents as plain numbers (5 = 5 %; never a `%` format,
 * which would make 5 read as 500 %), tiers as `200:100,250:75,300:50`.
 * A Record over POLICY_KEYS, so a key added to the reader must be given here.
 */
const POLICY_CELLS: Readonly<Record<PolicyKey, (p: Policy) => PolicyCell>> = {
  PracticeName: (p) => textOrBlank(p.practiceName),
  PracticeAddress: (p) => textOrBlank(p.practiceAddress),
  PracticePhone: (p) => textOrBlank(p.practicePhone),
  StatementDate: (p) => textOrBlank(p.statementDate === null ? null : toIso(p.statementDate)),
  DueDays: (p) => whole(p.dueDays),
  Tolerance: (p) => money(p.tolerance),
  TimelyFilingDays: (p) => whole(p.timelyFilingDays),
  CollectionsDays: (p) => whole(p.collectionsDays),
  MinStatementBalance: (p) => money(p.minStatementBalance),
  MinPayment: (p) => money(p.minPayment),
  MaxIncomePct: (p) => whole(percentToNumber(p.maxIncomePct)),
  MaxMonths: (p) => whole(p.maxMonths),
  APR: (p) => whole(percentToNumber(p.apr)),
  AssistanceTiers: (p) =>
    textOrBlank(p.assistanceTiers.length === 0 ? 'none' : p.assistanceTiers.map((t) => `${percentToNumber(t.fplPctMax)}:${percentToNumber(t.discountPct)}`).join(',')),
  COBMethod: (p) => textOrBlank(p.cobMethod),
  SmallCellMin: (p) => whole(p.smallCellMin),
};

/**
 * Key | Value, one row per key with the policy's value (blank where the
 * default is "none"/"today"). Per-payer `TimelyFilingDays:<Payer>` rows are
 * not written: the defaults have none.
 */
export function policySheet(policy: Policy): NewSheet {
  const header = [...CONFIG_COLUMNS.Policy];
  const rows: (string | number | null)[][] = [header];
  const formats: string[][] = [header.map(() => TEXT_FORMAT)];
  for (const key of POLICY_KEYS) {
    const cell = POLICY_CELLS[key](policy);
    rows.push([key, cell.value]);
    formats.push([TEXT_FORMAT, cell.format]);
  }
  return { name: 'Policy', rows, numberFormats: formats };
}
