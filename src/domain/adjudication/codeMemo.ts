/**
 * What a procedure code resolves to under one plan (or payer), remembered
 * for the run: a code with no modifier or with one is looked up once, then
 * costs one or two map hits per line instead of the five or six of a fresh
 * fee-schedule match, category and benefit lookup. Codes with several
 * modifiers are rare and not kept.
 */
export class CodeMemo<T> {
  private readonly plain = new Map<string, T>();
  private readonly withModifier = new Map<string, Map<string, T>>();

  /** undefined: not known yet (or several modifiers, never kept). */
  get(code: string, modifiers: readonly string[]): T | undefined {
    if (modifiers.length === 0) return this.plain.get(code);
    if (modifiers.length > 1) return undefined;
    const byModifier = this.withModifier.get(code);
    return byModifier === undefined ? undefined : byModifier.get(modifiers[0]!);
  }

  set(code: string, modifiers: readonly string[], value: T): void {
    if (modifiers.length === 0) {
      this.plain.set(code, value);
    } else if (modifiers.length === 1) {
      let byModifier = this.withModifier.get(code);
      if (byModifier === undefined) this.withModifier.set(code, (byModifier = new Map()));
      byModifier.set(modifiers[0]!, value);
    }
  }
}
