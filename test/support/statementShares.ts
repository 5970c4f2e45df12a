import type { LineShares } from '../../src/domain/shareTypes';
import type { LedgerLine } from '../../src/domain/ledger';
import { handShares, type SharesInput } from './findings';

export { workbook } from './findings';

/** A LineShares for `l` with only the patient share mattering to statements (null: not computed). */
export function shareFor(l: LedgerLine, patientShare: string | null, more: SharesInput = {}): LineShares {
  return handShares(l, { basis: patientShare === null ? 'unconfigured' : undefined, ...more, patientShare });
}
