import type { StateCreator } from 'zustand';
import type { InboundState } from './state';

/** A panel over the deck: the slide overview, the key help, go-to, or saving the step as a picture. */
export type Overlay = 'overview' | 'help' | 'goto' | 'picture';

export type Theme = 'light' | 'dark' | 'contrast';
export const THEMES: readonly Theme[] = ['light', 'dark', 'contrast'];

export interface ViewState {
  /** The panel open in this window, or null. */
  readonly overlay: Overlay | null;
  /** The audience screen is blacked out (the presenter window shows that it is). */
  readonly blackout: boolean;
  readonly theme: Theme;
  /** The section-after-the-talk's step captions have arrived (their own chunk). */
  readonly sinceCaptions: boolean;
  /**
   * True only while this window, just opened, takes the place the other
   * windows are at (sync's catch-up): a move nobody made, not a step.
   */
  readonly catchingUp: boolean;
}

export interface ViewActions {
  /** Opens a panel; asking for the open one again closes it. */
  toggleOverlay(overlay: Overlay): void;
  closeOverlay(): void;
  toggleBlackout(): void;
  setTheme(theme: Theme): void;
  /** Light → dark → high contrast → light. */
  cycleTheme(): void;
}

export const createViewSlice: StateCreator<InboundState, [], [], ViewState & ViewActions> = (
  set,
  get,
) => ({
  overlay: null,
  blackout: false,
  theme: 'light',
  sinceCaptions: false,
  catchingUp: false,
  toggleOverlay: (overlay) => set({ overlay: get().overlay === overlay ? null : overlay }),
  closeOverlay: () => set({ overlay: null }),
  toggleBlackout: () => set({ blackout: !get().blackout }),
  setTheme: (theme) => set({ theme }),
  cycleTheme: () => {
    const i = THEMES.indexOf(get().theme);
    set({ theme: THEMES[(i + 1) % THEMES.length] as Theme });
  },
});
