/**
 * The analysis Web Worker (its own webpack entry): ingest → shares →
 * findings → statements off the main thread, so the pane stays responsive
 * on a 100,000-line ledger. It keeps the last analysis to answer the pane's
 * later questions (an account's lines, a plan preview, sheets to write).
 * Cancel is the pane terminating this worker: nothing here has written
 * anything, so nothing needs undoing.
 */
import { AnalysisSession } from './session';
import { RelayPort } from './relayPort';
import type { FromWorker, ToWorker } from './protocol';
import type { WorkbookPlan } from '../../report/workbookPlan';

interface WorkerScope {
  postMessage(m: FromWorker): void;
  onmessage: ((e: { data: ToWorker }) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;
const post = (m: FromWorker): void => scope.postMessage(m);

let session: AnalysisSession | null = null;

/** Rows of a planned block per message: each clone on the pane's side stays a few milliseconds. */
const PLAN_CHUNK_ROWS = 2000;

/**
 * Sends a plan whose blocks go empty in the head message and their rows in
 * chunks after it, so the pane never deserialises a 100,000-row sheet in one task.
 */
function postWithPlan(head: (skeleton: WorkbookPlan) => FromWorker | null, plan: WorkbookPlan, id: number): void {
  const skeleton: WorkbookPlan = { ...plan, sheets: plan.sheets.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, rows: [] })) })) };
  const first = head(skeleton);
  if (first) post(first);
  plan.sheets.forEach((s, si) =>
    s.blocks.forEach((b, bi) => {
      for (let r = 0; r < b.rows.length; r += PLAN_CHUNK_ROWS) post({ type: 'planRows', id, sheet: si, block: bi, rows: b.rows.slice(r, r + PLAN_CHUNK_ROWS) });
    }),
  );
  post({ type: 'planEnd', id });
}
let port: RelayPort | null = null;

function fail(id: number, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'failed', id, name: err.name, message: err.message });
}

function answer(id: number, work: () => FromWorker): void {
  try {
    if (!session) throw new Error('Analyze the ledger first.');
    post(work());
  } catch (e) {
    fail(id, e);
  }
}

function answerPlan(id: number, build: (s: AnalysisSession) => WorkbookPlan): void {
  try {
    if (!session) throw new Error('Analyze the ledger first.');
    postWithPlan((skeleton) => ({ type: 'write', id, write: skeleton }), build(session), id);
  } catch (e) {
    fail(id, e);
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  if (port?.receive(m)) return;
  switch (m.type) {
    case 'analyze': {
      session = null;
      const p = new RelayPort(m.id, post);
      port = p;
      let lastPost = 0;
      AnalysisSession.run(p, m.request, {
        onProgress: (stage, done, total) => {
          const now = Date.now();
          if (now - lastPost < 50 && done < total) return;
          lastPost = now;
          post({ type: 'progress', id: m.id, stage, done, total });
        },
      })
        .then((s) => {
          session = s;
          p.forget();
          const view = s.view();
          postWithPlan(
            (skeleton) => {
              post({ type: 'analyzed', id: m.id, view: { ...view, findings: [], accounts: [] }, write: skeleton });
              const n = Math.max(view.findings.length, view.accounts.length);
              for (let i = 0; i < n; i += PLAN_CHUNK_ROWS) {
                post({ type: 'viewRows', id: m.id, findings: view.findings.slice(i, i + PLAN_CHUNK_ROWS), accounts: view.accounts.slice(i, i + PLAN_CHUNK_ROWS) });
              }
              return null;
            },
            s.analysisSheets(),
            m.id,
          );
        })
        .catch((err: unknown) => fail(m.id, err));
      return;
    }
    case 'account':
      return answer(m.id, () => ({ type: 'account', id: m.id, detail: session!.account(m.account) }));
    case 'preview':
      return answer(m.id, () => ({ type: 'preview', id: m.id, outcome: session!.preview(m.inputs) }));
    case 'statements':
      return answerPlan(m.id, (s) => s.statements(m.accounts));
    case 'planSheet':
      return answerPlan(m.id, (s) => s.planSheet(m.inputs));
    case 'summary':
      return answerPlan(m.id, (s) => s.summary());
    default:
      return;
  }
};
