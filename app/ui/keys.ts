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
  | 'addresses'
  | 'return'
  | 'presenter'
  | 'fullscreen'
  | 'blackout'
  | 'theme'
  | 'help'
  | 'close';

export interface KeyBinding {
  readonly command: Command;
  /** The keys as the help overlay names them. */
  readonly keys: readonly string[];
  readonly does: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'next', keys: ['→', '↓', 'Space', 'PageDown', 'N'], does: 'Next step' },
  { command: 'prev', keys: ['←', '↑', 'Shift+Space', 'PageUp', 'P'], does: 'Previous step' },
  { command: 'first', keys: ['Home'], does: 'First slide' },
  { command: 'last', keys: ['End'], does: 'Last slide' },
  { command: 'number', keys: ['27 Enter'], does: 'Jump to the slide with that number' },
  { command: 'goto', keys: ['G'], does: 'Go to a slide by number or title' },
  { command: 'overview', keys: ['O'], does: 'Overview of all slides (Esc closes it)' },
  { command: 'policy', keys: ['E'], does: 'Flip externalTrafficPolicy (Cluster / Local)' },
  { command: 'addresses', keys: ['A'], does: 'Talk words or IP addresses on the packet' },
  {
    command: 'return',
    keys: ['R'],
    does: 'Play the reply back to the client (next and previous then step through it)',
  },
  { command: 'presenter', keys: ['S'], does: 'Open the presenter view in a new window' },
  { command: 'fullscreen', keys: ['F'], does: 'Fullscreen on or off' },
  { command: 'blackout', keys: ['B', '.'], does: 'Black out the audience screen, and back' },
  { command: 'theme', keys: ['T'], does: 'Theme: light, dark, high contrast' },
  { command: 'help', keys: ['?'], does: 'This list of keys' },
  { command: 'close', keys: ['Esc'], does: 'Close a panel; with none open, the overview' },
];

const BY_KEY: ReadonlyMap<string, Command> = new Map([
  ...['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N'].map((k) => [k, 'next'] as const),
  ...['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P'].map((k) => [k, 'prev'] as const),
  ['Home', 'first'],
  ['End', 'last'],
  ...['g', 'G'].map((k) => [k, 'goto'] as const),
  ...['o', 'O'].map((k) => [k, 'overview'] as const),
  ...['e', 'E'].map((k) => [k, 'policy'] as const),
  ...['a', 'A'].map((k) => [k, 'addresses'] as const),
  ...['r', 'R'].map((k) => [k, 'return'] as const),
  ...['s', 'S'].map((k) => [k, 'presenter'] as const),
  ...['f', 'F'].map((k) => [k, 'fullscreen'] as const),
  ...['b', 'B', '.'].map((k) => [k, 'blackout'] as const),
  ...['t', 'T'].map((k) => [k, 'theme'] as const),
  ['?', 'help'],
  ['Escape', 'close'],
]);

/** The command a key press asks for, or null. Space is next, Shift+Space previous. */
export function commandFor(key: string, shiftKey: boolean): Command | null {
  if (key === ' ') return shiftKey ? 'prev' : 'next';
  return BY_KEY.get(key) ?? null;
}
