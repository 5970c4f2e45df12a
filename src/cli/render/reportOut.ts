/** `--out`: the analysis → the report workbook, links going into the ledger file (DESIGN §7). */
import { extname, relative, dirname, resolve } from 'node:path';
import type { AnalysisResult } from '../../app/analyze';
import { reportInputFrom } from '../../report/adapter';
import { buildWorkbookPlan } from '../../report/buildPlan';
import { writeReport, type WriteReportResult } from './renderXlsx';
import pkg from '../../../package.json';

/** The ledger as the report's links name it: relative to the report's folder, forward slashes (Excel accepts them on every platform). */
export function ledgerLinkPath(ledgerPath: string, reportPath: string): string {
  const rel = relative(dirname(resolve(reportPath)), resolve(ledgerPath));
  return rel.split('\\').join('/');
}

export async function writeAnalysisReport(result: AnalysisResult, ledgerPath: string, outPath: string, now: Date = new Date()): Promise<WriteReportResult> {
  const isCsv = extname(ledgerPath).toLowerCase() !== '.xlsx' && extname(ledgerPath).toLowerCase() !== '.xlsm';
  const input = reportInputFrom(result, {
    links: isCsv ? { kind: 'none' } : { kind: 'file', file: ledgerLinkPath(ledgerPath, outPath) },
    runAt: now.toISOString(),
    version: (pkg as { version: string }).version,
    producer: 'patient-ledger CLI',
  });
  return writeReport(buildWorkbookPlan(input), outPath);
}
