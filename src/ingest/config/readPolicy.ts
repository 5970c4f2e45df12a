/**
 * `Policy` sheet (DESIGN §4): Key / Value rows over DEFAULT_POLICY. Keys
 * match case-, space- and punctuation-insensitively; `TimelyFilingDays:<Payer>`
 * sets a payer's own limit. A blank Value keeps the default (for the
 * practice's name/address/phone it means "none"). An unknown key is a
 * warning; a bad value an error, and the default stays.
 */
import type { AssistanceTier, CobMethod, Policy } from '../../domain/config';
import type { InputIssue } from '../../domain/ledger';
import { percent, type Percent } from '../../domain/money';
import { DEFAULT_POLICY } from '../../domain/policyDefaults';
import { nameKey } from '../../domain/nameKeys';
import type { CellGrid } from '../grid';
import { normaliseHeader } from '../headers/normaliseHeader';
import { isBlank } from '../values/blank';
import { dataRows, findConfigHeader, RowReader } from './configTable';
import { POLICY_COLUMNS, POLICY_KEYS } from './configSheets';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** "200:100,250:75,300:50" → tiers (FPL % up to : discount %), ascending; "none" → no assistance. */
export function parseAssistanceTiers(text: string): AssistanceTier[] | string {
  const t = text.trim();
  if (/^(none|no|off)$/i.test(t)) return [];
  const tiers: AssistanceTier[] = [];
  for (const part of t.split(/[,;]/)) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*:\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(part);
    if (!m) return 'is not a list of tiers (expected FPL%:discount%, e.g. 200:100,250:75,300:50)';
    let fpl: Percent;
    let disc: Percent;
    try {
      fpl = percent(m[1]!);
      disc = percent(m[2]!);
    } catch {
      return 'has a percentage with more than four decimals';
    }
    if (disc > percent(100)) return `has a discount over 100 % (${m[2]})`;
    const prev = tiers[tiers.length - 1];
    if (prev && fpl <= prev.fplPctMax) return 'lists tiers out of order (FPL % must increase, e.g. 200:100,250:75,300:50)';
    tiers.push({ fplPctMax: fpl, discountPct: disc });
  }
  return tiers;
}

function cobMethod(text: string): CobMethod | null {
  const k = normaliseHeader(text);
  if (k === 'traditional' || k === 'standard') return 'Traditional';
  if (k === 'nonduplication' || k === 'nondup' || k === 'nonduplicate') return 'NonDuplication';
  return null;
}

export function readPolicy(grid: CellGrid, issues: InputIssue[]): Policy {
  const policy: Mutable<Policy> = { ...DEFAULT_POLICY, timelyFilingDaysByPayer: {} };
  const byPayer: Record<string, number> = {};
  const t = findConfigHeader(grid, POLICY_COLUMNS, POLICY_COLUMNS);
  if (!('cols' in t)) {
    issues.push(t);
    return DEFAULT_POLICY;
  }
  const seen = new Map<string, number>();
  for (const r of dataRows(t)) {
    const rr = new RowReader(t, r, issues);
    const keyText = rr.text('Key');
    if (keyText === null) {
      rr.warn('Key', `Row ${rr.row} has a value but no key; it is ignored`);
      continue;
    }
    const colon = keyText.indexOf(':');
    const key = normaliseHeader(colon >= 0 ? keyText.slice(0, colon) : keyText);
    const payer = colon >= 0 ? nameKey(keyText.slice(colon + 1)) : null;
    const seenKey = key + (payer === null ? '' : `:${payer}`);
    const first = seen.get(seenKey);
    if (first !== undefined) rr.warn('Key', `Key ${keyText} appears again (first on row ${first}); the later value is used`);
    seen.set(seenKey, rr.row);
    const blank = isBlank(rr.raw('Value'));

    if (payer !== null) {
      if (key !== 'timelyfilingdays' || payer === '') {
        rr.warn('Key', `Key ${keyText} is not a known policy key (a payer-specific key is TimelyFilingDays:<Payer>); it is ignored`);
        continue;
      }
      const v = rr.whole('Value', 1);
      if (v !== null) byPayer[payer] = v;
      continue;
    }
    switch (key) {
      case 'practicename':
        policy.practiceName = rr.text('Value');
        break;
      case 'practiceaddress':
        policy.practiceAddress = rr.text('Value');
        break;
      case 'practicephone':
        policy.practicePhone = rr.text('Value');
        break;
      case 'statementdate':
        if (!blank) policy.statementDate = rr.date('Value') ?? policy.statementDate;
        break;
      case 'duedays':
        policy.dueDays = rr.whole('Value', 0) ?? policy.dueDays;
        break;
      case 'tolerance':
        policy.tolerance = rr.money('Value') ?? policy.tolerance;
        break;
      case 'timelyfilingdays':
        policy.timelyFilingDays = rr.whole('Value', 1) ?? policy.timelyFilingDays;
        break;
      case 'collectionsdays':
        policy.collectionsDays = rr.whole('Value', 1) ?? policy.collectionsDays;
        break;
      case 'minstatementbalance':
        policy.minStatementBalance = rr.money('Value') ?? policy.minStatementBalance;
        break;
      case 'minpayment':
        policy.minPayment = rr.money('Value') ?? policy.minPayment;
        break;
      case 'maxincomepct': {
        const p = rr.percent('Value');
        if (p === 0) rr.fail('Value', 'must be more than 0 %');
        else policy.maxIncomePct = p ?? policy.maxIncomePct;
        break;
      }
      case 'maxmonths':
        policy.maxMonths = rr.whole('Value', 1) ?? policy.maxMonths;
        break;
      case 'apr':
        policy.apr = rr.percent('Value') ?? policy.apr;
        break;
      case 'assistancetiers': {
        const text = rr.text('Value');
        if (text === null) break;
        const tiers = parseAssistanceTiers(text);
        if (typeof tiers === 'string') rr.fail('Value', tiers);
        else policy.assistanceTiers = tiers;
        break;
      }
      case 'cobmethod': {
        const text = rr.text('Value');
        if (text === null) break;
        const m = cobMethod(text);
        if (m === null) rr.fail('Value', 'is not a COB method (expected Traditional or NonDuplication)');
        else policy.cobMethod = m;
        break;
      }
      case 'smallcellmin':
        policy.smallCellMin = rr.whole('Value', 1) ?? policy.smallCellMin;
        break;
      default:
        rr.warn('Key', `Key ${keyText} is not a known policy key (known: ${POLICY_KEYS.join(', ')}, TimelyFilingDays:<Payer>); it is ignored`);
    }
  }
  policy.timelyFilingDaysByPayer = byPayer;
  return policy;
}
