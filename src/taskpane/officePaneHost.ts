/** The PaneHost over Office.js: every piece comes from src/excel (the only code that touches Excel). */
import { setUpWorkbook } from '../app/setUpWorkbook';
import { addUserSheets } from '../excel/addUserSheets';
import { OfficeWorkbookPort } from '../excel/officeWorkbookPort';
import { renderPlan } from '../excel/renderPlan';
import { selectCell } from '../excel/selectCell';
import { loadColumnMapping, saveColumnMapping } from '../excel/settings';
import type { PaneHost } from './host';

export function officePaneHost(): PaneHost {
  return {
    port: new OfficeWorkbookPort(),
    async writePlan(plan, opts) {
      const r = await renderPlan(plan, { replaceOnly: opts.replaceOnly, ...(opts.show ? { activateKey: opts.show } : {}) });
      return { sheets: r.sheets.map((s) => s.name) };
    },
    selectCell,
    loadOverrides: loadColumnMapping,
    saveOverrides: saveColumnMapping,
    async setupWorkbook(sheets) {
      // The user's sheets from now on: added untagged, only those still missing.
      const r = await setUpWorkbook(addUserSheets, sheets);
      return { sheets: r.created };
    },
  };
}
