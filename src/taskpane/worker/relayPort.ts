/**
 * The worker's WorkbookPort: it cannot reach Excel, so every read is a
 * request to the pane, which reads through the Office.js port on the main
 * thread and sends the grid back in row chunks (see protocol.ts).
 */
import type { SheetInfo, WorkbookPort } from '../../app/port';
import { LedgerError } from '../../app/port';
import type { CellGrid, CellValue } from '../../ingest/grid';
import type { FromWorker, ToWorker } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

interface GridInProgress {
  grid: Omit<CellGrid, 'values' | 'numberFormats'>;
  values: (readonly CellValue[])[];
  numberFormats: (readonly (string | null)[])[] | null;
}

export class RelayPort implements WorkbookPort {
  private pending: Pending | null = null;
  private building: GridInProgress | null = null;
  /** Header rows of the grids read, kept for the column-mapping view. */
  private readonly grids = new Map<string, CellGrid>();

  constructor(private readonly id: number, private readonly post: (m: FromWorker) => void) {}

  listSheets(): Promise<readonly SheetInfo[]> {
    return this.ask({ type: 'needSheets', id: this.id }) as Promise<readonly SheetInfo[]>;
  }

  readGrid(sheet: string, table?: string): Promise<CellGrid> {
    return this.ask({ type: 'needGrid', id: this.id, sheet, ...(table ? { table } : {}) }) as Promise<CellGrid>;
  }

  headerRow(sheet: string, row: number): readonly CellValue[] | null {
    const g = this.grids.get(sheet);
    return g ? (g.values[row - g.top] ?? null) : null;
  }

  /** Feeds a message from the pane; true when it was this port's. */
  receive(m: ToWorker): boolean {
    if (m.id !== this.id) return false;
    switch (m.type) {
      case 'sheets':
        this.settle(m.sheets);
        return true;
      case 'gridStart':
        this.building = { grid: m.grid, values: [], numberFormats: m.hasFormats ? [] : null };
        return true;
      case 'gridChunk':
        if (this.building) {
          for (const row of m.values) this.building.values.push(row);
          if (this.building.numberFormats && m.numberFormats) for (const row of m.numberFormats) this.building.numberFormats.push(row);
        }
        return true;
      case 'gridEnd': {
        const b = this.building;
        this.building = null;
        if (!b) return true;
        const grid: CellGrid = { ...b.grid, values: b.values, numberFormats: b.numberFormats };
        this.grids.set(grid.sheet, grid);
        this.settle(grid);
        return true;
      }
      case 'portError': {
        const p = this.pending;
        this.pending = null;
        const e = m.name === 'LedgerError' ? new LedgerError(m.message) : new Error(m.message);
        p?.reject(e);
        return true;
      }
      default:
        return false;
    }
  }

  /** Drops the grids (nothing about workbook data is kept once the analysis is done). */
  forget(): void {
    const keep = new Map<string, CellGrid>();
    for (const [sheet, g] of this.grids) keep.set(sheet, { ...g, values: g.values.slice(0, Math.min(g.values.length, 40)), numberFormats: null });
    this.grids.clear();
    for (const [k, v] of keep) this.grids.set(k, v);
  }

  private ask(m: FromWorker): Promise<unknown> {
    if (this.pending) return Promise.reject(new Error('RelayPort: one read at a time'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.post(m);
    });
  }

  private settle(v: unknown): void {
    const p = this.pending;
    this.pending = null;
    p?.resolve(v);
  }
}
