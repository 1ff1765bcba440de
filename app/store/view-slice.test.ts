import { describe, expect, it } from 'vitest';
import { createInboundStore } from './create';

describe('panels, blackout and theme', () => {
  it('a panel opens, its own key closes it, another replaces it', () => {
    const s = createInboundStore();
    s.getState().toggleOverlay('overview');
    expect(s.getState().overlay).toBe('overview');
    s.getState().toggleOverlay('help');
    expect(s.getState().overlay).toBe('help');
    s.getState().toggleOverlay('help');
    expect(s.getState().overlay).toBeNull();
  });

  it('the theme cycles light, dark, high contrast', () => {
    const s = createInboundStore();
    const seen = [s.getState().theme];
    for (let i = 0; i < 3; i++) {
      s.getState().cycleTheme();
      seen.push(s.getState().theme);
    }
    expect(seen).toEqual(['light', 'dark', 'contrast', 'light']);
  });

  it('blackout toggles and leaves the place in the deck alone', () => {
    const s = createInboundStore({
      slide: 27,
      step: 0,
      policyOverride: 'Local',
      addressView: 'talk',
      returnHop: null,
    });
    s.getState().toggleBlackout();
    expect(s.getState()).toMatchObject({ blackout: true, slide: 27, policyOverride: 'Local' });
    s.getState().toggleBlackout();
    expect(s.getState().blackout).toBe(false);
  });
});
