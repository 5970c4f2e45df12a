/**
 * Where each problem went, kept as plain number/string columns and turned
 * into objects only when read: a million-line sample records ~600,000
 * problems, and 600,000 small objects with address strings are what would
 * otherwise dominate the garbage collector's work.
 */
import { a1 } from '../../src/ingest/grid';
import type { InjectedKind } from './model';
import type { InjectedProblem } from './types';

export class InjectedLog {
  private readonly kinds: InjectedKind[] = [];
  private readonly rows: number[] = [];
  /** 1-based column of the cell at fault; 0 = no cell. */
  private readonly cols: number[] = [];
  private readonly accounts: (string | null)[] = [];
  /** Row of the cell at fault when it is not the problem's row (a transaction's payment row); 0 = same. */
  private readonly cellRows: number[] = [];

  add(kind: InjectedKind, row: number, col: number, account: string | null, cellRow = 0): void {
    this.kinds.push(kind);
    this.rows.push(row);
    this.cols.push(col);
    this.accounts.push(account);
    this.cellRows.push(cellRow === row ? 0 : cellRow);
  }

  get size(): number {
    return this.kinds.length;
  }

  /** The entries as objects, in the order added (rows ascending). */
  toArray(): InjectedProblem[] {
    const out = new Array<InjectedProblem>(this.kinds.length);
    for (let i = 0; i < out.length; i++) {
      const kind = this.kinds[i]!;
      const row = this.rows[i]!;
      const col = this.cols[i]!;
      const account = this.accounts[i]!;
      const cellRow = this.cellRows[i]! || row;
      if (col === 0) out[i] = account === null ? { kind, row } : { kind, row, account };
      else out[i] = account === null ? { kind, row, cell: a1(col, cellRow) } : { kind, row, cell: a1(col, cellRow), account };
    }
    return out;
  }
}
