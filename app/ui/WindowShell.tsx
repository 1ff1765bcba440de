import { useCallback, type ReactNode } from 'react';
import { useInboundStore } from '../store';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';
import { usePreferences } from './usePreferences';
import { useReturnPlayback } from './useReturnPlayback';
import { useSinceCaptions } from './useSinceCaptions';
import { useSync } from './useSync';
import { openOtherWindow } from './window-actions';

/** What a window's chrome needs from its shell. */
export interface WindowWiring {
  /** The digits typed so far toward "27 Enter". */
  readonly typed: string;
  /** S: opens the other window of the presentation. */
  readonly openOtherWindow: () => void;
}

/**
 * One window of a presentation (the audience deck, or the presenter view):
 * the URL hash, the other windows, the keys, the theme and the remembered
 * position and the reply's playback, wired the same
 * way in both. The order matters: the hash is applied before the window asks
 * the others where they are.
 */
export function WindowShell({
  otherView,
  titlePrefix = '',
  children,
}: {
  /** The view S opens: the presenter view from the deck, the deck (null) from the presenter view. */
  otherView: 'presenter' | null;
  /** Goes before the tab's title ("Presenter · 27 / 124 · …"). */
  titlePrefix?: string;
  children: (wiring: WindowWiring) => ReactNode;
}) {
  const store = useInboundStore();
  const openOther = useCallback(
    () => openOtherWindow(otherView, (m) => store.getState().showNotice(m)),
    [store, otherView],
  );
  const typed = useKeyboard(store, { onOtherWindow: openOther });
  useHashSync(store, titlePrefix);
  useSync(store);
  usePreferences(store);
  useReturnPlayback(store);
  useSinceCaptions(store);
  // The animation engine's context comes with the drawing (scene/MotionRoot), so a text
  // slide loads none of it.
  return <>{children({ typed, openOtherWindow: openOther })}</>;
}
