/**
 * The pane's state and actions: one hook, so the components stay small and
 * only render props and call callbacks. It talks to the workbook through the
 * PaneHost and to the analysis worker through the AnalysisClient.
 */
import * as React from 'react';
import type { SheetInfo } from '../../app/port';
import type { AnalysisClient, Progress } from '../analysis/analysisClient';
import type { ColumnOverrides, PaneHost } from '../host';
import { describeError, type PaneError } from '../errors';
import type { AccountDetail, FindingView, PaneView, PlanInputs, PlanPreviewOutcome } from '../worker/protocol';
import { planInputsFor, EMPTY_PLAN_INPUTS } from './planDefaults';

export type TabId = 'start' | 'findings' | 'account' | 'plan' | 'summary';

export interface PaneState {
  readonly tab: TabId;
  readonly sheets: readonly SheetInfo[] | null;
  readonly picked: readonly string[];
  readonly overrides: ColumnOverrides;
  readonly running: boolean;
  readonly progress: Progress | null;
  readonly view: PaneView | null;
  readonly error: PaneError | null;
  /** A confirmation of what was written or done. */
  readonly notice: string | null;
  /** What is being written right now (disables the write buttons). */
  readonly writing: string | null;
  readonly account: AccountDetail | null;
  readonly planInputs: PlanInputs;
  readonly preview: PlanPreviewOutcome | null;
}

export interface PaneActions {
  setTab(tab: TabId): void;
  refreshSheets(): void;
  togglePick(sheet: string): void;
  analyze(): void;
  cancel(): void;
  setOverride(sheet: string, field: string, column: string | null): void;
  selectFinding(f: FindingView): void;
  openAccount(account: string): void;
  bill(accounts: readonly string[] | 'all'): void;
  planFor(account: AccountDetail): void;
  setPlanInput(field: keyof PlanInputs, value: string): void;
  writeSchedule(): void;
  writeSummary(): void;
  setupWorkbook(sheets: readonly string[]): void;
  dismissError(): void;
  dismissNotice(): void;
}

export interface PaneDeps {
  readonly host: PaneHost;
  readonly client: AnalysisClient;
  readonly version: string;
  /** Today as YYYY-MM-DD (tests fix it). */
  readonly today: () => string;
}

const ANALYSIS_FAMILIES = ['findings', 'expected-shares', 'run-log'];

export function usePane({ host, client, version, today }: PaneDeps): [PaneState, PaneActions] {
  const [tab, setTab] = React.useState<TabId>('start');
  const [sheets, setSheets] = React.useState<readonly SheetInfo[] | null>(null);
  const [picked, setPicked] = React.useState<readonly string[]>([]);
  const [overrides, setOverrides] = React.useState<ColumnOverrides>(() => safe(() => host.loadOverrides(), {}));
  const [running, setRunning] = React.useState(false);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [view, setView] = React.useState<PaneView | null>(null);
  const [error, setError] = React.useState<PaneError | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [writing, setWriting] = React.useState<string | null>(null);
  const [account, setAccount] = React.useState<AccountDetail | null>(null);
  const [planInputs, setPlanInputs] = React.useState<PlanInputs>(EMPTY_PLAN_INPUTS);
  const [preview, setPreview] = React.useState<PlanPreviewOutcome | null>(null);
  const cancelRef = React.useRef<(() => void) | null>(null);
  const previewSeq = React.useRef(0);

  const fail = React.useCallback((e: unknown, doing: string) => {
    setNotice(null);
    setError(describeError(e, doing));
  }, []);

  const refreshSheets = React.useCallback(() => {
    host.port.listSheets().then(setSheets, (e: unknown) => fail(e, 'Listing the sheets'));
  }, [host, fail]);

  const write = React.useCallback(
    async (what: string, make: () => Promise<import('../../report/workbookPlan').WorkbookPlan>, replaceOnly: readonly string[], show?: (plan: import('../../report/workbookPlan').WorkbookPlan) => string | undefined) => {
      setWriting(what);
      setError(null);
      setNotice(null);
      try {
        const plan = await make();
        const key = show?.(plan);
        const r = await host.writePlan(plan, { replaceOnly, ...(key ? { show: key } : {}) });
        setNotice(`Wrote ${r.sheets.map((s) => `“${s}”`).join(', ')}.`);
        return true;
      } catch (e) {
        fail(e, what);
        return false;
      } finally {
        setWriting(null);
      }
    },
    [host, fail],
  );

  const actions: PaneActions = {
    setTab,
    refreshSheets,
    togglePick: (sheet) => setPicked((p) => (p.includes(sheet) ? p.filter((s) => s !== sheet) : [...p, sheet])),
    analyze: () => {
      if (running) return;
      setRunning(true);
      setError(null);
      setNotice(null);
      setProgress({ stage: 'Starting', done: 0, total: 1 });
      const run = client.analyze(
        { sheets: picked, map: mergedMap(overrides, picked), today: today(), version, runAt: new Date().toISOString() },
        host.port,
        setProgress,
      );
      cancelRef.current = run.cancel;
      run.done
        .then(async ({ view: v, write: plan }) => {
          setProgress({ stage: 'Writing Findings, Expected Shares and Run Log', done: 1, total: 1 });
          let r;
          try {
            r = await host.writePlan(plan, { replaceOnly: ANALYSIS_FAMILIES });
          } catch (e) {
            fail(e, 'Writing the Findings, Expected Shares and Run Log sheets');
            return;
          }
          setView(v);
          setAccount(null);
          setPreview(null);
          setNotice(`Analysis done: ${v.findings.length.toLocaleString('en-US')} findings. Wrote ${r.sheets.map((s) => `“${s}”`).join(', ')}.`);
          setTab('findings');
        })
        .catch((e: unknown) => {
          if ((e as Error)?.name === 'CancelledError') {
            setView(null);
            setNotice('Analysis cancelled. Nothing was written to the workbook.');
          } else fail(e, 'Analysis');
        })
        .finally(() => {
          cancelRef.current = null;
          setRunning(false);
          setProgress(null);
        });
    },
    cancel: () => cancelRef.current?.(),
    setOverride: (sheet, field, column) => {
      const next: ColumnOverrides = { ...overrides, [sheet]: { ...(overrides[sheet] ?? {}) } };
      if (column === null) delete next[sheet]![field];
      else next[sheet]![field] = column;
      setOverrides(next);
      host.saveOverrides(next).then(
        () => setNotice('Column choice saved in this workbook. Select Analyze to use it.'),
        (e: unknown) => fail(e, 'Saving the column choice'),
      );
    },
    selectFinding: (f) => {
      if (f.cell === null) return;
      host.selectCell(f.sheet, f.cell).catch((e: unknown) => fail(e, `Going to ${f.sheet}!${f.cell}`));
    },
    openAccount: (a) => {
      client.account(a).then(
        (d) => {
          setAccount(d);
          if (d === null) setError({ title: 'Account not found', message: `No line of the ledger has account ${a}.`, action: 'Check the account number, or analyze again if the ledger changed.' });
        },
        (e: unknown) => fail(e, 'Opening the account'),
      );
    },
    bill: (accounts) => {
      void write(accounts === 'all' ? 'Writing statements' : `Writing the statement for ${accounts.join(', ')}`, () => client.statements(accounts), ['statements'], () => 'statements');
    },
    planFor: (d) => {
      const inputs = planInputsFor(d, view?.asOf ?? today());
      setPlanInputs(inputs);
      setTab('plan');
      requestPreview(inputs);
    },
    setPlanInput: (field, value) => {
      const inputs = { ...planInputs, [field]: value };
      setPlanInputs(inputs);
      requestPreview(inputs);
    },
    writeSchedule: () => {
      void write('Writing the payment plan', () => client.planSheet(planInputs), [], (plan) => plan.sheets[0]?.key);
    },
    writeSummary: () => {
      void write('Writing the summary', () => client.summary(), ['summary'], () => 'summary');
    },
    setupWorkbook: (names) => {
      const setup = host.setupWorkbook;
      if (!setup) return;
      setWriting('Setting up the workbook');
      setError(null);
      setNotice(null);
      setup(names)
        .then((r) => {
          setNotice(
            r.sheets.length === 0
              ? 'The configuration sheets are already in the workbook; nothing was added.'
              : `Added ${r.sheets.map((s) => `“${s}”`).join(', ')} to the workbook. They are yours to fill in; then select Analyze.`,
          );
          refreshSheets();
        }, (e: unknown) => fail(e, 'Setting up the workbook'))
        .finally(() => setWriting(null));
    },
    dismissError: () => setError(null),
    dismissNotice: () => setNotice(null),
  };

  function requestPreview(inputs: PlanInputs): void {
    const seq = ++previewSeq.current;
    client.preview(inputs).then(
      (p) => seq === previewSeq.current && setPreview(p),
      (e: unknown) => seq === previewSeq.current && fail(e, 'The plan preview'),
    );
  }

  React.useEffect(() => () => client.dispose(), [client]);

  return [{ tab, sheets, picked, overrides, running, progress, view, error, notice, writing, account, planInputs, preview }, actions];
}

/** The overrides that apply: the picked sheets' (or every sheet's), field by field. */
function mergedMap(overrides: ColumnOverrides, picked: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const sheets = picked.length > 0 ? picked : Object.keys(overrides);
  for (const s of sheets) Object.assign(out, overrides[s] ?? {});
  return out;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
