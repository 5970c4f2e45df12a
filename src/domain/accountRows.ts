/**
 * Each account's Patients row and Coverage rows, looked up by findings and
 * by statements: built once a run (`analyze` hands it to both), as each
 * would otherwise file 200k+ rows under their accounts again (findings and
 * statements at 1M lines: two builds of ~0.1 s each).
 */
import type { Config, CoverageRow, PatientRow } from './config';
import { idKey } from './nameKeys';

export interface AccountRows {
  /** Account (idKey) → its Patients row; the first row wins when an account repeats. */
  readonly patients: ReadonlyMap<string, PatientRow>;
  /** Account (idKey) → its Coverage rows, in sheet order. */
  readonly coverage: ReadonlyMap<string, readonly CoverageRow[]>;
}

export function accountRows(config: Pick<Config, 'patients' | 'coverage'>): AccountRows {
  const patients = new Map<string, PatientRow>();
  const patientRows = config.patients;
  // Filled from the last row up, so an account's first row is the one left: one Map operation a
  // row instead of a lookup and a set (211k Patients rows: 60 ms → 40 ms).
  for (let i = patientRows.length - 1; i >= 0; i--) patients.set(idKey(patientRows[i]!.account), patientRows[i]!);
  const coverage = new Map<string, CoverageRow[]>();
  for (const c of config.coverage) {
    const key = idKey(c.account);
    const rows = coverage.get(key);
    if (rows === undefined) coverage.set(key, [c]);
    else rows.push(c);
  }
  return { patients, coverage };
}
