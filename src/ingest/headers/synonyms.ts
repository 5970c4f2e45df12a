/**
 * Known header names per field (DESIGN §3 and more seen in real exports),
 * already normalised. Exact matches only here; the careful fallbacks live in
 * `matchHeader.ts`. Each key belongs to exactly one field — a test checks it —
 * so "insurance" (payer) and "insurancepaid" (insurerPaid) never collide.
 */
import type { LedgerField } from '../../domain/ledger';

/** Ledger fields plus the two columns of a transaction ledger. */
export type MappedField = LedgerField | 'type' | 'amount';

export const SYNONYMS: Readonly<Record<MappedField, readonly string[]>> = {
  account: ['account', 'acct', 'accountnumber', 'accountno', 'accountnum', 'accountid', 'acctno', 'acctnumber',
    'acctnum', 'mrn', 'medicalrecordnumber', 'medicalrecord', 'patientid', 'ptid', 'patientnumber', 'patientno',
    'patientaccount', 'patientacct', 'patientaccountnumber', 'guarantor', 'guarantorid', 'guarantornumber',
    'guarantoraccount', 'chartnumber', 'chart', 'chartno'],
  patientName: ['patient', 'patientname', 'name', 'ptname', 'patientfullname', 'fullname', 'patname'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'patientdob', 'ptdob'],
  serviceDate: ['dos', 'dateofservice', 'servicedate', 'svcdate', 'dosfrom', 'fromdate', 'servicefrom',
    'servicedatefrom', 'datesofservice', 'date'],
  postingDate: ['postingdate', 'postdate', 'posted', 'dateposted', 'posteddate', 'entrydate', 'transactiondate',
    'txndate'],
  code: ['cpt', 'hcpcs', 'cpthcpcs', 'hcpcscpt', 'procedure', 'proccode', 'procedurecode', 'code', 'cptcode',
    'hcpcscode', 'cpthcpcscode', 'proc', 'servicecode', 'billingcode', 'chargecode'],
  modifiers: ['modifier', 'modifiers', 'mod', 'mods', 'cptmodifier', 'cptmod', 'procmod', 'proceduremodifier'],
  diagnoses: ['icd10', 'icd', 'dx', 'diagnosis', 'diagnoses', 'diag', 'dxcode', 'dxcodes', 'diagnosiscode',
    'diagnosiscodes', 'icd10code', 'icd10codes', 'icdcode', 'icdcodes', 'icd10cm', 'primarydx', 'principaldx',
    'primarydiagnosis', 'principaldiagnosis', 'secondarydx', 'secondarydiagnosis'],
  description: ['description', 'desc', 'proceduredescription', 'servicedescription', 'procdesc', 'cptdescription',
    'chargedescription', 'servicedesc'],
  units: ['units', 'unit', 'qty', 'quantity', 'serviceunits', 'svcunits', 'daysunits'],
  billed: ['charge', 'charges', 'billed', 'billedamount', 'amountbilled', 'billedamt', 'chargeamount', 'chargeamt',
    'totalcharge', 'totalcharges', 'fee', 'chargedamount', 'grosscharge', 'grosscharges'],
  allowed: ['allowed', 'allowedamount', 'allowedamt', 'allowable', 'allowedamounts', 'amountallowed'],
  insurerPaid: ['insurancepaid', 'inspaid', 'payerpaid', 'primarypaid', 'inspayment', 'insurancepayment',
    'insurancepaidamount', 'inspaidamount', 'inspmt', 'primaryinsurancepaid', 'primarypayment', 'primaryinspaid',
    'insurerpaid', 'planpaid', 'paidbyinsurance'],
  secondaryPaid: ['secondarypaid', 'secpaid', 'secondaryinsurancepaid', 'secinspaid', 'secondarypayment',
    'secpmt', 'secondarypaidamount'],
  patientPaid: ['patientpaid', 'ptpaid', 'patientpayment', 'patientpayments', 'ptpayment', 'ptpmt',
    'patientpaidamount', 'paidbypatient', 'patpaid', 'guarantorpaid', 'selfpaypaid'],
  adjustment: ['adjustment', 'adjustments', 'adj', 'writeoff', 'writeoffs', 'contractual', 'contractualadjustment',
    'contractualadj', 'adjamount', 'adjustmentamount', 'adjamt', 'totaladjustment', 'totaladjustments', 'wo'],
  balance: ['balance', 'bal', 'balancedue', 'currentbalance', 'linebalance', 'remainingbalance', 'outstanding',
    'outstandingbalance', 'baldue', 'amountdue'],
  payer: ['payer', 'insurance', 'insurer', 'carrier', 'payor', 'primaryinsurance', 'primarypayer', 'insurancename',
    'payername', 'insurancecompany', 'insurancecarrier', 'primarycarrier', 'payorname'],
  planId: ['plan', 'planid', 'insuranceplan', 'plancode', 'plannumber', 'healthplan', 'healthplanid', 'benefitplan'],
  memberId: ['memberid', 'subscriberid', 'policy', 'policynumber', 'member', 'memberno', 'membernumber',
    'subscribernumber', 'subscriberno', 'insuredid', 'policyid', 'policyno', 'subscriberidnumber'],
  claimId: ['claim', 'claimid', 'claimnumber', 'claimno', 'claimnum', 'icn', 'claimref', 'encounter',
    'encounterid', 'encounternumber', 'visit', 'visitid', 'invoice', 'invoiceno', 'invoicenumber'],
  lineId: ['line', 'lineid', 'lineno', 'linenumber', 'claimline', 'claimlineid', 'linenum', 'lineitem',
    'chargeid', 'serviceline', 'servicelineid'],
  status: ['status', 'claimstatus', 'linestatus', 'paymentstatus', 'adjudicationstatus', 'chargestatus'],
  denialCode: ['denialcode', 'carc', 'reasoncode', 'denialreason', 'denialreasoncode', 'adjustmentreasoncode',
    'claimadjustmentreasoncode', 'carccode', 'deniedreason'],
  pos: ['pos', 'placeofservice', 'poscode', 'placeofservicecode', 'servicelocation'],
  type: ['type', 'transactiontype', 'txntype', 'trantype', 'transtype', 'entrytype', 'transaction', 'txn',
    'postingtype', 'activitytype', 'kind'],
  amount: ['amount', 'amt', 'transactionamount', 'txnamount', 'tranamount', 'transamount', 'postedamount'],
};

/** Normalised header → field, built once. */
export const SYNONYM_INDEX: ReadonlyMap<string, MappedField> = (() => {
  const m = new Map<string, MappedField>();
  for (const [field, names] of Object.entries(SYNONYMS) as [MappedField, readonly string[]][]) {
    for (const n of names) if (!m.has(n)) m.set(n, field);
  }
  return m;
})();

/**
 * Generic words that only claim a field no specific header claimed
 * ("Date" is the service date unless a DOS column exists — then it is the
 * posting date, as in most transaction exports).
 */
export const WEAK: ReadonlyMap<string, readonly MappedField[]> = new Map<string, readonly MappedField[]>([
  ['date', ['serviceDate', 'postingDate']],
  ['name', ['patientName']],
  ['code', ['code']],
  ['fee', ['billed']],
  ['member', ['memberId']],
  ['transaction', ['type']],
  ['kind', ['type']],
  ['encounter', ['claimId']],
  ['visit', ['claimId']],
  ['invoice', ['claimId']],
  ['chart', ['account']],
  ['guarantor', ['account']],
  ['proc', ['code']],
  ['plan', ['planId']],
]);

/** Fields several columns may feed (Mod 1..4, Dx 1..4). */
export const MERGED_FIELDS: ReadonlySet<MappedField> = new Set<MappedField>(['modifiers', 'diagnoses']);

/** Numbered variants: `mod1`, `modifier2`, `dx3`, `icd104`, `diagnosis2`, `diag1`, `dxcode4`. */
export function numberedField(norm: string): MappedField | null {
  const m = /^(modifier|mod|cptmod|cptmodifier|icd10|icd|dxcode|dx|diagnosiscode|diagnosis|diag)(\d{1,2})$/.exec(norm);
  if (!m) return null;
  return m[1]!.startsWith('mod') || m[1]!.startsWith('cpt') ? 'modifiers' : 'diagnoses';
}
