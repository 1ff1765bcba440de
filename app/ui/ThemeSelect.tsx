import { THEMES, useInbound, useInboundStore, type Theme } from '../store';

const NAMES: Record<Theme, string> = {
  light: 'Light',
  dark: 'Dark',
  // Short enough to show whole in the bar at 1280 px; the menu's name says it is a theme.
  contrast: 'Contrast',
};

/** The theme for this browser (T cycles it): light, dark, or high contrast for projectors. */
export function ThemeSelect() {
  const store = useInboundStore();
  const theme = useInbound((s) => s.theme);
  return (
    <select
      className="theme-select"
      aria-label="Theme"
      title="Theme (T)"
      value={theme}
      onChange={(e) => store.getState().setTheme(e.target.value as Theme)}
    >
      {THEMES.map((t) => (
        <option key={t} value={t}>
          {NAMES[t]}
        </option>
      ))}
    </select>
  );
}
