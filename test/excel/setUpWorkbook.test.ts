/**
 * "Set up workbook" through the strict fake: the configuration sheets are
 * added as the USER's sheets — visible, untagged (no registry row) — and the
 * analysis's render, run after it (twice, as the whole output, which removes
 * any add-in sheet it does not plan), leaves them exactly as they were. The
 * analysis then reads them as present, empty configuration without an input
 * issue, and the Policy defaults as DEFAULT_POLICY.
 */
import { analyzeWorkbook } from '../../src/app/analyze';
import { setUpWorkbook } from '../../src/app/setUpWorkbook';
import { addUserSheets } from '../../src/excel/addUserSheets';
import { OfficeWorkbookPort } from '../../src/excel/officeWorkbookPort';
import { renderPlan } from '../../src/excel/renderPlan';
import { reportInputFrom } from '../../src/report/adapter';
import { buildWorkbookPlan } from '../../src/report/buildPlan';
import { REGISTRY_SHEET } from '../../src/report/workbookPlan';
import { DEFAULT_POLICY } from '../../src/domain/policyDefaults';
import { day } from '../../src/domain/day';
import type { FakeSheet, FakeWorkbookModel } from '../support/fakeExcel';
import { freshExcel, ledgerRows } from './helpers';

const CONFIG = ['Plans', 'Benefits', 'FeeSchedule', 'Coverage', 'Patients', 'Policy'];

/** Everything a user could see of a sheet: cells (value, formula, format) and its sheet-level state. */
function snapshot(s: FakeSheet): unknown {
  return JSON.stringify({ rows: s.rows, visibility: s.visibility, freeze: s.freeze, formats: s.formats, clears: s.clears, name: s.name });
}

function registryNames(m: FakeWorkbookModel): string[] {
  const reg = m.sheets.find((s) => s.name === REGISTRY_SHEET);
  if (!reg) return [];
  return reg.rows.slice(1).map((r) => String(r?.[0]?.v ?? ''));
}

function seedLedger(m: FakeWorkbookModel): void {
  const { values, formats } = ledgerRows(20);
  m.seed('Ledger', values, { numberFormats: formats });
}

async function analyzeAndRender(): Promise<Awaited<ReturnType<typeof analyzeWorkbook>>> {
  const result = await analyzeWorkbook(new OfficeWorkbookPort(), { today: day(2026, 11, 1) });
  const plan = buildWorkbookPlan(reportInputFrom(result, { links: { kind: 'workbook' }, runAt: '2026-11-01T10:00:00Z', version: '0.1.0', producer: 'Patient Ledger add-in' }));
  await renderPlan(plan);
  return result;
}

describe('Set up workbook (Office.js, strict fake)', () => {
  test('adds the missing sheets visible and untagged; a user sheet named "fee schedule" is present and untouched', async () => {
    const fake = freshExcel(['Ledger', 'fee schedule']);
    const m = fake.model;
    seedLedger(m);
    m.seed('fee schedule', [['Payer', 'Code', 'Allowed'], ['*', '99213', 98.5]]);
    const before = snapshot(m.mustSheet('fee schedule'));
    const syncsBefore = fake.host.syncs.length;

    const r = await setUpWorkbook(addUserSheets);

    expect(r.created).toEqual(['Plans', 'Benefits', 'Coverage', 'Patients', 'Policy']);
    expect(fake.host.syncs.length - syncsBefore).toBe(2);
    expect(m.sheets.map((s) => s.name)).toEqual(['Ledger', 'fee schedule', 'Plans', 'Benefits', 'Coverage', 'Patients', 'Policy']);
    expect(snapshot(m.mustSheet('fee schedule'))).toBe(before);
    // Not the add-in's: no registry at all (nothing else was written yet), every sheet visible.
    expect(m.sheets.some((s) => s.name === REGISTRY_SHEET)).toBe(false);
    for (const name of r.created) expect(m.mustSheet(name).visibility).toBe('Visible');

    const plans = m.mustSheet('Plans');
    expect(plans.valuesAt({ r0: 0, c0: 0, rows: 2, cols: 10 })).toEqual([
      ['PlanId', 'Payer', 'PlanYearStart', 'DeductibleIndividual', 'DeductibleFamily', 'OOPMaxIndividual', 'OOPMaxFamily', 'CoinsurancePct', 'DeductibleType', ''],
      ['', '', '', '', '', '', '', '', '', ''],
    ]);
    expect(plans.freeze).toEqual({ rows: 1, columns: 0 });
    expect(plans.formats).toContainEqual({ address: 'A1:I1', 'font.bold': true });
    const policy = m.mustSheet('Policy');
    expect(policy.valuesAt({ r0: 0, c0: 0, rows: 3, cols: 2 })).toEqual([['Key', 'Value'], ['PracticeName', ''], ['PracticeAddress', '']]);
    // Text under "@" stays text: the tiers are not taken for a time or number.
    expect(m.cellAt('Policy', 'B15')).toMatchObject({ v: '200:100,250:75,300:50', nf: '@' });
    expect(m.cellAt('Policy', 'B7')).toMatchObject({ v: 0.01, nf: '0.00' });

    // A second press adds nothing and changes nothing.
    const all = m.sheets.map(snapshot);
    expect((await setUpWorkbook(addUserSheets)).created).toEqual([]);
    expect(m.sheets.map(snapshot)).toEqual(all);
  });

  test("the analysis's render, run twice, leaves the new sheets alone; ingest reads them as empty configuration, Policy as the defaults", async () => {
    const fake = freshExcel(['Ledger']);
    const m = fake.model;
    seedLedger(m);
    await setUpWorkbook(addUserSheets);
    const made = new Map(CONFIG.map((n) => [n, snapshot(m.mustSheet(n))]));

    const first = await analyzeAndRender();
    expect(first.inputIssues.filter((i) => CONFIG.includes(i.sheet))).toEqual([]);
    expect(first.config.present).toEqual(new Set(CONFIG));
    expect(first.config.policy).toEqual(DEFAULT_POLICY);
    expect(registryNames(m).length).toBeGreaterThan(0);

    await analyzeAndRender();
    for (const n of CONFIG) expect(snapshot(m.mustSheet(n))).toBe(made.get(n));
    expect(registryNames(m).filter((n) => CONFIG.includes(n))).toEqual([]);
    // The config sheets are never taken for a ledger either.
    expect(first.ledger.sheets.map((s) => s.sheet)).toEqual(['Ledger']);
  });

  test('only what is still missing when it writes; a hidden sheet of a planned name is left as it is', async () => {
    const fake = freshExcel(['Ledger', 'Policy']);
    const m = fake.model;
    m.mustSheet('Policy').visibility = 'Hidden';
    const hidden = snapshot(m.mustSheet('Policy'));
    // The pane offered Plans and Policy; Plans appeared meanwhile as "PLANS" from a colleague.
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('PLANS');
      await ctx.sync();
    });
    const r = await setUpWorkbook(addUserSheets, ['Plans', 'Policy', 'Coverage']);
    expect(r.created).toEqual(['Coverage']);
    expect(snapshot(m.mustSheet('Policy'))).toBe(hidden);
    expect(m.sheets.map((s) => s.name)).toEqual(['Ledger', 'Policy', 'PLANS', 'Coverage']);
  });
});
