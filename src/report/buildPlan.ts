/** The analysis (as ReportInput) → the WorkbookPlan of DESIGN §6's sheets, in the order a user reads them. */
import type { ReportInput } from './reportInput';
import { PLAN_VERSION, type SheetPlan, type WorkbookPlan } from './workbookPlan';
import { buildFindingsSheets } from './findingsSheet';
import { buildSharesSheets } from './sharesSheet';
import { buildStatementsSheets } from './statementsSheet';
import { buildPaymentPlanSheet } from './planSheet';
import { buildSummarySheet } from './summarySheet';
import { buildRunLogSheet } from './runLogSheet';

export function buildWorkbookPlan(input: ReportInput): WorkbookPlan {
  const sheets: SheetPlan[] = [
    ...buildFindingsSheets(input),
    ...buildSharesSheets(input),
    ...buildStatementsSheets(input),
    ...input.plans.map(buildPaymentPlanSheet),
    buildSummarySheet(input),
  ];
  sheets.push(buildRunLogSheet(input, sheets.length + 1));
  return { version: PLAN_VERSION, sheets: dedupeNames(sheets), createdAt: input.runAt };
}

/** Two plans whose account names sanitise alike would share a sheet name: number the later ones. */
function dedupeNames(sheets: SheetPlan[]): SheetPlan[] {
  const seen = new Set<string>();
  return sheets.map((s) => {
    let name = s.name;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${s.name.slice(0, 31 - ` (${n})`.length)} (${n})`;
    seen.add(name.toLowerCase());
    return name === s.name ? s : { ...s, name };
  });
}
