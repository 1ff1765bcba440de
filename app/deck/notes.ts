import { NOTES_1_62 } from './notes-1-62';
import { NOTES_63_124 } from './notes-63-124';

/**
 * Speaker notes, one entry per slide of the talk (index 0 is slide 1): what
 * to say, and on diagram slides what the audience should notice on the packet.
 */
// (Marked pure so that a bundle which never reads the notes leaves both halves out.)
export const NOTES: readonly string[] = /* @__PURE__ */ NOTES_1_62.concat(NOTES_63_124);
