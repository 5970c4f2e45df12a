/**
 * `work` remembered per distinct text, for one run: a ledger repeats a
 * handful of payers, PlanIds and codes over a million lines, so each
 * distinct text is worked out once (keying payers with a regular
 * expression on every line was 0.3 s of computing shares at 1M lines).
 * Create one per run — never at module level — so nothing outlives it.
 */
export function memoByText<T>(work: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const value = work(text);
    known.set(text, value);
    return value;
  };
}
