/**
 * Speaker notes for the section after the talk, one per slide in order. They
 * live apart from the slides' words, importing nothing, so that only the
 * presenter view and the handout load them.
 */
export const SINCE_NOTES: readonly string[] = [];
