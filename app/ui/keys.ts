/**
 * Every key the deck answers to, in one table: the keyboard handler reads it
 * and the help overlay (?) lists it, so the two cannot disagree.
 */
export type Command =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'number'
  | 'goto'
  | 'overview'
  | 'policy'
  | 'switch'
  | 'marks'
  | 'addresses'
  | 'return'
  | 'presenter'
  | 'fullscreen'
  | 'blackout'
  | 'theme'
  | 'help'
  | 'explore'
  | 'picture'
  | 'close';

/** One key as the help overlay names it, and the `KeyboardEvent.key` values that press it. */
export interface Key {
  /** As the help overlay shows it: "→", "Space", "N". */
  readonly shows: string;
  /** The `key` values of the press; none for "27 Enter", which the digit buffer handles. */
  readonly presses: readonly string[];
  /** Shift must be held (true), must not be (false), or does not matter (absent). */
  readonly shift?: boolean;
}

export interface KeyBinding {
  readonly command: Command;
  readonly keys: readonly Key[];
  readonly does: string;
}

/** A named key: Home, PageDown, Esc. */
const named = (shows: string, key = shows): Key => ({ shows, presses: [key] });
/** A letter or sign, with or without Shift (Caps Lock, or Shift held out of habit). */
const letter = (shows: string): Key => ({
  shows,
  presses: [...new Set([shows.toLowerCase(), shows.toUpperCase()])],
});

export const KEY_BINDINGS: readonly KeyBinding[] = [
  {
    command: 'next',
    keys: [
      named('→', 'ArrowRight'),
      named('↓', 'ArrowDown'),
      { shows: 'Space', presses: [' '], shift: false },
      named('PageDown'),
      letter('N'),
    ],
    does: 'Next step',
  },
  {
    command: 'prev',
    keys: [
      named('←', 'ArrowLeft'),
      named('↑', 'ArrowUp'),
      { shows: 'Shift+Space', presses: [' '], shift: true },
      named('PageUp'),
      letter('P'),
    ],
    does: 'Previous step',
  },
  { command: 'first', keys: [named('Home')], does: 'First slide' },
  { command: 'last', keys: [named('End')], does: 'Last slide' },
  {
    command: 'number',
    keys: [{ shows: '27 Enter', presses: [] }],
    does: 'Jump to the slide with that number',
  },
  { command: 'goto', keys: [letter('G')], does: 'Go to a slide by number or title' },
  { command: 'overview', keys: [letter('O')], does: 'Overview of all slides (Esc closes it)' },
  {
    command: 'policy',
    keys: [letter('E')],
    does: 'Flip externalTrafficPolicy (Cluster / Local)',
  },
  {
    command: 'switch',
    keys: [letter('V')],
    does: 'Flip the slide’s own switch, after the talk (e.g. ipMode VIP / Proxy)',
  },
  {
    command: 'marks',
    keys: [letter('M')],
    does: 'Markers on the talk’s slides for what changed since 2020, on or off',
  },
  { command: 'addresses', keys: [letter('A')], does: 'Talk words or IP addresses on the packet' },
  {
    command: 'return',
    keys: [letter('R')],
    does: 'Play the reply back to the client (next and previous then step through it)',
  },
  { command: 'presenter', keys: [letter('S')], does: 'Open the presenter view in a new window' },
  { command: 'fullscreen', keys: [letter('F')], does: 'Fullscreen on or off' },
  {
    command: 'blackout',
    keys: [letter('B'), letter('.')],
    does: 'Black out the audience screen, and back',
  },
  { command: 'theme', keys: [letter('T')], does: 'Theme: light, dark, high contrast' },
  {
    command: 'explore',
    keys: [letter('X')],
    does: 'Explore this slide’s cluster in the explorer (Esc or Back comes back here)',
  },
  { command: 'picture', keys: [letter('D')], does: 'Save this step as a picture (SVG or PNG)' },
  { command: 'help', keys: [letter('?')], does: 'This list of keys' },
  {
    command: 'close',
    keys: [named('Esc', 'Escape')],
    does: 'Close a panel; with none open, the overview',
  },
];

/** The command a key press asks for, or null, read from the one table above. */
export function commandFor(key: string, shiftKey: boolean): Command | null {
  for (const b of KEY_BINDINGS)
    for (const k of b.keys)
      if (k.presses.includes(key) && (k.shift === undefined || k.shift === shiftKey))
        return b.command;
  return null;
}
