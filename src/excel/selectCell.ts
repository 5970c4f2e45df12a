/** "Click a finding selects its cell": shows the sheet and selects the cell (one sync). */
import { LedgerError } from '../app/port';

export async function selectCell(sheetName: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) throw new LedgerError(`The workbook has no sheet named "${sheetName}" any more.`);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}
