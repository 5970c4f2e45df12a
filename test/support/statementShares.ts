import type { LineShares } from '../../src/domain/shareTypes';
import type { LedgerLine } from '../../src/domain/ledger';
import { $ } from './builders';

/** A LineShares for `l` with only the patient share mattering to statements. */
export function shareFor(l: LedgerLine, patientShare: string | null): LineShares {
  return {
    lineIndex: l.index, basis: patientShare === null ? 'unconfigured' : 'covered', allowed: l.billed, contractual: $('0.00'),
    feeScheduleAllowed: null, category: null, primaryPlanId: null, secondaryPlanId: null, copay: null, deductible: null,
    coinsurance: null, patientShare: patientShare === null ? null : $(patientShare), insurerShare: null, secondaryShare: null,
    explanation: 'test',
  };
}
