/**
 * `plan --state` (DESIGN §7, §8): the 50 states, DC and the inhabited US
 * territories, by postal code or name. Alaska and Hawaii have their own
 * poverty guidelines; every other place here uses the 48-state table (HHS
 * publishes none for the territories, and billing offices use the 48-state
 * one). Anything else is a usage error, never silently the 48-state table.
 */
const PLACES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee',
  TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin',
  WY: 'Wyoming', DC: 'District of Columbia',
  PR: 'Puerto Rico', GU: 'Guam', VI: 'U.S. Virgin Islands', AS: 'American Samoa', MP: 'Northern Mariana Islands',
};

const key = (text: string): string => text.toUpperCase().replace(/[^A-Z]/g, '');
const CODE_BY_KEY: ReadonlyMap<string, string> = new Map(
  Object.entries(PLACES).flatMap(([code, name]) => [[code, code], [key(name), code]] as [string, string][]),
);

/** The postal code of a state, DC or territory given by code or name (`ca`, `California`); null when it is none. */
export function stateCode(text: string): string | null {
  return CODE_BY_KEY.get(key(text)) ?? null;
}
