/**
 * The pane's side of the analysis worker. Analysis asks for sheets; they are
 * read here on the main thread through the WorkbookPort (Office.js) and sent
 * to the worker in row chunks, one chunk per task, so neither the read nor
 * the structured clone holds the main thread for long. Cancel terminates the
 * worker — it stops at once, mid-computation — and the next request starts a
 * fresh one; nothing has been written by then.
 */
import { CancelledError, type WorkbookPort } from '../../app/port';
import type { CellGrid } from '../../ingest/grid';
import type { WorkbookPlan } from '../../report/workbookPlan';
import type { AccountDetail, AnalyzeRequest, FromWorker, PaneView, PlanInputs, PlanPreviewOutcome, ToWorker } from '../worker/protocol';

export interface WorkerLike {
  postMessage(m: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export interface AnalysisRun {
  readonly done: Promise<{ view: PaneView; write: WorkbookPlan }>;
  cancel(): void;
}

/** Rows of a grid per message: about 100 KB of cells, a few ms to clone. */
export const CHUNK_ROWS = 2000;

/** Lets the browser run other tasks (input, paint) between chunks. */
const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A worker error that is not the worker's own message (a load failure, a crash). */
export class WorkerFailure extends Error {
  constructor(message: string, name = 'WorkerFailure') {
    super(message);
    this.name = name;
  }
}

export class AnalysisClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void; onMessage?: (m: FromWorker) => void; head?: FromWorker }>();

  constructor(private readonly createWorker: () => WorkerLike) {}

  analyze(request: AnalyzeRequest, port: WorkbookPort, onProgress: (p: Progress) => void): AnalysisRun {
    const id = this.nextId++;
    let cancelled = false;
    const worker = this.ensureWorker();
    const done = new Promise<{ view: PaneView; write: WorkbookPlan }>((resolve, reject) => {
      this.waiting.set(id, {
        resolve: (m) => (m.type === 'analyzed' ? resolve({ view: m.view, write: m.write }) : reject(new WorkerFailure(`unexpected ${m.type}`))),
        reject,
        onMessage: (m) => {
          if (m.type === 'progress') onProgress({ stage: m.stage, done: m.done, total: m.total });
          else if (m.type === 'needSheets') {
            port.listSheets().then(
              (sheets) => !cancelled && worker.postMessage({ type: 'sheets', id, sheets: [...sheets] }),
              (e: unknown) => !cancelled && this.portError(worker, id, e),
            );
          } else if (m.type === 'needGrid') {
            onProgress({ stage: `Reading sheet "${m.sheet}"`, done: 0, total: 1 });
            port.readGrid(m.sheet, m.table).then(
              (grid) => this.sendGrid(worker, id, grid, () => cancelled),
              (e: unknown) => !cancelled && this.portError(worker, id, e),
            );
          }
        },
      });
    });
    worker.postMessage({ type: 'analyze', id, request });
    return {
      done,
      cancel: () => {
        if (cancelled || !this.waiting.has(id)) return;
        cancelled = true;
        this.reset(new CancelledError());
      },
    };
  }

  async account(account: string): Promise<AccountDetail | null> {
    const m = await this.ask({ type: 'account', id: this.nextId++, account });
    return m.type === 'account' ? m.detail : null;
  }

  async preview(inputs: PlanInputs): Promise<PlanPreviewOutcome> {
    const m = await this.ask({ type: 'preview', id: this.nextId++, inputs });
    if (m.type !== 'preview') throw new WorkerFailure(`unexpected ${m.type}`);
    return m.outcome;
  }

  statements(accounts: readonly string[] | 'all'): Promise<WorkbookPlan> {
    return this.plan({ type: 'statements', id: this.nextId++, accounts });
  }

  planSheet(inputs: PlanInputs): Promise<WorkbookPlan> {
    return this.plan({ type: 'planSheet', id: this.nextId++, inputs });
  }

  summary(): Promise<WorkbookPlan> {
    return this.plan({ type: 'summary', id: this.nextId++ });
  }

  dispose(): void {
    this.reset(new CancelledError());
  }

  private async plan(m: ToWorker): Promise<WorkbookPlan> {
    const r = await this.ask(m);
    if (r.type !== 'write') throw new WorkerFailure(`unexpected ${r.type}`);
    return r.write;
  }

  private ask(m: ToWorker): Promise<FromWorker> {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.waiting.set(m.id, { resolve, reject });
      worker.postMessage(m);
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e) => this.dispatch(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.reset(new WorkerFailure(`The analysis stopped unexpectedly (${e.message || 'worker error'}). Reload the add-in and try again.`));
    };
    this.worker = w;
    return w;
  }

  private dispatch(m: FromWorker): void {
    const w = this.waiting.get(m.id);
    if (!w) return;
    if (m.type === 'progress' || m.type === 'needSheets' || m.type === 'needGrid') {
      w.onMessage?.(m);
      return;
    }
    // A plan's rows follow its head message in chunks (see analysisWorker.ts): gather them, then answer.
    if (m.type === 'analyzed' || m.type === 'write') {
      w.head = m;
      return;
    }
    if (m.type === 'planRows') {
      const plan = w.head && (w.head.type === 'analyzed' || w.head.type === 'write') ? w.head.write : null;
      const rows = plan?.sheets[m.sheet]?.blocks[m.block]?.rows as unknown[] | undefined;
      if (rows) for (const row of m.rows) rows.push(row);
      return;
    }
    if (m.type === 'viewRows') {
      if (w.head?.type === 'analyzed') {
        const findings = w.head.view.findings as unknown[];
        const accounts = w.head.view.accounts as unknown[];
        for (const f of m.findings) findings.push(f);
        for (const a of m.accounts) accounts.push(a);
      }
      return;
    }
    if (m.type === 'planEnd') {
      this.waiting.delete(m.id);
      if (w.head) w.resolve(w.head);
      else w.reject(new WorkerFailure('The analysis sent a plan without its head'));
      return;
    }
    this.waiting.delete(m.id);
    if (m.type === 'failed') w.reject(new WorkerFailure(m.message, m.name));
    else w.resolve(m);
  }

  /** Stops the worker and fails everything waiting on it with `reason`. */
  private reset(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(reason);
  }

  private portError(worker: WorkerLike, id: number, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    worker.postMessage({ type: 'portError', id, name: err.name, message: err.message });
  }

  private async sendGrid(worker: WorkerLike, id: number, grid: CellGrid, cancelled: () => boolean): Promise<void> {
    const { values, numberFormats, ...rest } = grid;
    if (cancelled()) return;
    worker.postMessage({ type: 'gridStart', id, grid: rest, hasFormats: numberFormats !== null, rows: values.length });
    for (let r = 0; r < values.length; r += CHUNK_ROWS) {
      await nextTask();
      if (cancelled()) return;
      worker.postMessage({
        type: 'gridChunk', id,
        values: values.slice(r, r + CHUNK_ROWS),
        numberFormats: numberFormats ? numberFormats.slice(r, r + CHUNK_ROWS) : null,
      });
    }
    if (!cancelled()) worker.postMessage({ type: 'gridEnd', id });
  }
}
