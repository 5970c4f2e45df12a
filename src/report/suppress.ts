/**
 * Small-cell suppression for the de-identified Summary (DESIGN §2, §7): a
 * group of fewer than SmallCellMin accounts shows `<11` instead of its
 * figures, and no figure shown lets a reader subtract their way to one that
 * is hidden. Every table on the Summary adds up to a figure shown elsewhere
 * (a KPI, the Run Log's counts), so what the hidden rows hold together can be
 * worked out: the next smallest rows are hidden too until the hidden rows
 * together cover no account or at least the minimum (complementary
 * suppression). When the whole ledger has fewer accounts than the minimum,
 * every figure is hidden.
 */

export interface Group {
  readonly label: string;
  readonly accounts: ReadonlySet<string>;
}

/** `<11` for SmallCellMin 11. */
export const suppressedLabel = (min: number): string => `<${min}`;

/** Which groups to hide (by index). `totalAccounts` is the ledger's account count. */
export function suppressedGroups(groups: readonly Group[], min: number, totalAccounts: number): Set<number> {
  const hidden = new Set<number>();
  if (totalAccounts < min) {
    groups.forEach((_, i) => hidden.add(i));
    return hidden;
  }
  groups.forEach((g, i) => {
    if (g.accounts.size < min) hidden.add(i);
  });
  // Complementary suppression: what is hidden adds up to a total minus what is shown, so the hidden
  // groups together must cover no account or at least `min` of them — else that difference is a small
  // group's figure (e.g. an empty 91–120 bucket hidden beside a bucket of 3: total − shown = the 3).
  // Hide the next smallest group until they do.
  const covered = (): number => {
    const accounts = new Set<string>();
    for (const i of hidden) for (const a of groups[i]!.accounts) accounts.add(a);
    return accounts.size;
  };
  for (let n = covered(); n > 0 && n < min && hidden.size < groups.length; n = covered()) {
    let pick = -1;
    groups.forEach((g, i) => {
      if (hidden.has(i)) return;
      if (pick < 0 || g.accounts.size < groups[pick]!.accounts.size) pick = i;
    });
    hidden.add(pick);
  }
  return hidden;
}

/**
 * Folds the groups under `min` accounts into one labelled group (their
 * accounts united, their values combined by `merge`), kept last. Groups of
 * `min` or more stay as they are.
 */
export function poolSmallGroups<T extends Group>(groups: readonly T[], min: number, label: string, merge: (a: T, b: T) => T): T[] {
  const big = groups.filter((g) => g.accounts.size >= min);
  const small = groups.filter((g) => g.accounts.size < min);
  if (small.length <= 1) return [...big, ...small];
  const pooled = small.reduce((a, b) => merge(a, b));
  return [...big, { ...pooled, label }];
}
