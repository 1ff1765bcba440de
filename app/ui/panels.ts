// The panels over the deck, loaded together as one chunk (see Overlays.tsx).
export { GoTo } from './GoTo';
export { HelpOverlay } from './HelpOverlay';
export { Overview } from './Overview';
export { PictureSave } from './PictureSave';
