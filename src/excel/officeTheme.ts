/**
 * The Office theme the task pane should follow (Office.context.officeTheme:
 * the colours of the host's current theme — Colorful/White, Dark Gray,
 * Black, or a high-contrast scheme). Office.js only; the pane maps the
 * result onto a Fluent theme.
 */
export type PaneTheme = 'light' | 'dark' | 'highContrast';

/** Relative luminance of #RRGGBB (0 black … 1 white); null if not a colour. */
function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * light / dark from the Office theme's body colours; null outside Office or
 * on hosts without officeTheme. High contrast is not read from these colours
 * (Office's White theme is black on white too): the pane detects it from the
 * `forced-colors` media query the host's web view applies.
 */
export function officeTheme(): PaneTheme | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const theme = office?.context?.officeTheme;
  if (!theme) return null;
  const bg = luminance(theme.bodyBackgroundColor);
  if (bg === null) return null;
  return bg < 0.25 ? 'dark' : 'light';
}
