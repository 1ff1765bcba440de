import { SINCE_IDS, type SinceWords } from './words-types';

/** The section's words (placeholder titles until the section is written). */
export const SINCE_WORDS: readonly SinceWords[] = SINCE_IDS.map((id) => ({
  id,
  title: id,
  lines: [id],
  badge: { label: 'Kubernetes', year: 2026 },
  captions: [],
  notes: '',
  sources: [],
  marks: [],
}));
