/** The independent DESIGN §4/§5 oracle (imports nothing from src/). */
export { Oracle, oracleShares } from './oracle';
export { cents, money } from './cents';
export { defaultCategory } from './defaultCategory';
export type {
  OracleBasis, OracleBenefit, OracleCoverage, OracleFeeRow, OracleLine, OraclePlan, OracleShares, OracleTables, OracleWorkbook,
} from './types';
