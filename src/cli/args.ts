/**
 * Command-line argument parsing for DESIGN §7. Returns a typed command or a
 * usage error (exit code 2) — never throws for bad input.
 */
import type { PlanRequest } from '../app/planCommand';
import { stateCode } from './usStates';

export const USAGE = `Usage:
  patient-ledger analyze <ledger.xlsx|ledger.csv> [--sheet NAME …] [--config <config.xlsx>]
                 [--map field=COLUMN …] [--as-of YYYY-MM-DD] [--out <report.xlsx>] [--json <results.json>|-]
  patient-ledger plan --balance 1234.56 --monthly-income 3200 [--household-size 3]
                 [--state CA] [--start 2026-12-01] [--apr 0] [--json <plan.json>]
  patient-ledger demo            # analyze assets/sample-ledger.xlsx into ./out/`;

export interface AnalyzeArgs {
  readonly command: 'analyze';
  readonly file: string;
  /** The ledger sheets named (`--sheet`, repeatable); empty = every sheet that looks like a ledger. */
  readonly sheets: readonly string[];
  readonly config: string | null;
  readonly map: Readonly<Record<string, string>>;
  readonly asOf: string | null;
  readonly out: string | null;
  /** The results.json path; `-` = stdout. */
  readonly json: string | null;
}

/** The plan command's figures as typed; validated by the app's plan use case. */
export interface PlanArgs extends PlanRequest {
  readonly command: 'plan';
  readonly json: string | null;
}

export interface DemoArgs {
  readonly command: 'demo';
}

export interface HelpArgs {
  readonly command: 'help';
}

export type CliArgs = AnalyzeArgs | PlanArgs | DemoArgs | HelpArgs;
export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; message: string };

type FlagSpec = Readonly<Record<string, 'value' | 'repeat'>>;

const ANALYZE_FLAGS: FlagSpec = { sheet: 'repeat', config: 'value', map: 'repeat', 'as-of': 'value', out: 'value', json: 'value' };
const PLAN_FLAGS: FlagSpec = {
  balance: 'value', 'monthly-income': 'value', 'household-size': 'value', state: 'value', start: 'value', apr: 'value', json: 'value',
};

interface Split {
  positional: string[];
  values: Record<string, string>;
  repeats: Record<string, string[]>;
}

function splitFlags(argv: readonly string[], spec: FlagSpec): Split | string {
  const out: Split = { positional: [], values: {}, repeats: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const kind = spec[name];
    if (kind === undefined) return `unknown option --${name}`;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || (value.startsWith('--') && eq < 0)) return `option --${name} needs a value`;
    if (kind === 'repeat') (out.repeats[name] ??= []).push(value);
    else if (name in out.values) return `option --${name} given twice`;
    else out.values[name] = value;
  }
  return out;
}

function parseMap(pairs: readonly string[]): Record<string, string> | string {
  const map: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1) return `--map expects field=COLUMN (e.g. --map billed=F), got "${p}"`;
    map[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return map;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { ok: true, args: { command: 'help' } };
  }
  if (command === 'demo') {
    if (rest.length > 0) return { ok: false, message: 'demo takes no arguments' };
    return { ok: true, args: { command: 'demo' } };
  }
  if (command === 'analyze') {
    const s = splitFlags(rest, ANALYZE_FLAGS);
    if (typeof s === 'string') return { ok: false, message: s };
    if (s.positional.length !== 1) return { ok: false, message: 'analyze needs exactly one ledger file (.xlsx or .csv)' };
    const map = parseMap(s.repeats.map ?? []);
    if (typeof map === 'string') return { ok: false, message: map };
    return {
      ok: true,
      args: {
        command: 'analyze', file: s.positional[0]!, sheets: s.repeats.sheet ?? [], config: s.values.config ?? null,
        map, asOf: s.values['as-of'] ?? null, out: s.values.out ?? null, json: s.values.json ?? null,
      },
    };
  }
  if (command === 'plan') {
    const s = splitFlags(rest, PLAN_FLAGS);
    if (typeof s === 'string') return { ok: false, message: s };
    if (s.positional.length > 0) return { ok: false, message: `plan takes options only, not "${s.positional[0]}"` };
    if (s.values.balance === undefined) return { ok: false, message: 'plan needs --balance' };
    const state = s.values.state === undefined ? null : stateCode(s.values.state);
    if (s.values.state !== undefined && state === null) {
      return { ok: false, message: `--state expects a US state, DC or territory as its postal code (e.g. CA, AK, HI, PR), got "${s.values.state}"` };
    }
    return {
      ok: true,
      args: {
        command: 'plan', balance: s.values.balance, monthlyIncome: s.values['monthly-income'] ?? null,
        householdSize: s.values['household-size'] ?? null, state, start: s.values.start ?? null,
        apr: s.values.apr ?? null, json: s.values.json ?? null,
      },
    };
  }
  return { ok: false, message: `unknown command "${command}"` };
}
