/** The Fluent theme for the pane: the Office theme inside Office, else the system's (forced colours → high contrast). */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { officeTheme, type PaneTheme } from '../excel/officeTheme';

export function paneTheme(): PaneTheme {
  const media = typeof matchMedia === 'function' ? matchMedia : null;
  if (media?.('(forced-colors: active)').matches) return 'highContrast';
  const fromOffice = officeTheme();
  if (fromOffice) return fromOffice;
  return media?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function fluentTheme(t: PaneTheme): Theme {
  return t === 'dark' ? webDarkTheme : t === 'highContrast' ? teamsHighContrastTheme : webLightTheme;
}
