import { useId, useMemo, useState } from 'react';
import { SLIDES, type Slide } from '../deck';
import { useInboundStore } from '../store';
import { Modal } from './Modal';

const MAX_RESULTS = 8;

/** Lower case, punctuation as spaces: "1-hop" and "1 hop" are the same words. */
const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();

/**
 * Slides matching what was typed: a number finds that slide, words find the
 * slides whose title or text has every one of them (titles first).
 */
export function findSlides(query: string): Slide[] {
  const q = plain(query);
  if (q === '') return [];
  const found: Slide[] = [];
  const add = (s: Slide) => {
    if (!found.includes(s)) found.push(s);
  };
  if (/^\d+$/.test(q)) {
    const exact = SLIDES[Number(q) - 1];
    if (exact) add(exact);
  }
  const words = q.split(' ');
  const hasAll = (text: string) => words.every((w) => text.includes(w));
  // The words as typed, in a title; then all of them in a title; then in the slide's text.
  for (const s of SLIDES) if (plain(s.title).includes(q)) add(s);
  for (const s of SLIDES) if (hasAll(plain(s.title))) add(s);
  for (const s of SLIDES) if (hasAll(plain(s.lines.join(' ')))) add(s);
  return found.slice(0, MAX_RESULTS);
}

/** G: jump to a slide by its number or by words from its title. */
export function GoTo() {
  const store = useInboundStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => findSlides(query), [query]);
  const listId = useId();
  const close = () => store.getState().closeOverlay();
  const go = (slide: Slide | undefined) => {
    if (!slide) return;
    store.getState().goTo(slide.n);
    close();
  };
  const nothing = query.trim() !== '' && results.length === 0;
  return (
    <Modal label="Go to slide" className="goto-overlay" onClose={close}>
      <label className="goto-label">
        Go to slide
        <input
          type="text"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results[active] ? `${listId}-${results[active].n}` : undefined}
          autoFocus
          value={query}
          maxLength={80}
          placeholder="Number or words from the title"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => (results.length ? (a + step + results.length) % results.length : 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              go(results[active]);
            }
          }}
        />
      </label>
      <ul id={listId} role="listbox" aria-label="Matching slides" className="goto-results">
        {results.map((s, i) => (
          <li
            key={s.n}
            id={`${listId}-${s.n}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(s)}
          >
            <span className="goto-n">{s.n}</span> {s.title}
          </li>
        ))}
      </ul>
      <p className="goto-hint" role="status">
        {nothing
          ? `No slide matches “${query.trim().slice(0, 40)}”.`
          : '↑ ↓ to choose, Enter to go, Esc to close.'}
      </p>
    </Modal>
  );
}
