import { useEffect, useId, useState } from 'react';
import {
  loadSinceCaptions,
  sinceLinesOf,
  SLIDES,
  slideNumber,
  TALK_SLIDE_COUNT,
  type Slide,
} from '../deck';
import { useInbound, useInboundStore } from '../store';
import { Modal } from './Modal';
import { openExplorer } from './window-actions';

const MAX_RESULTS = 8;

/** Lower case, punctuation as spaces: "1-hop" and "1 hop" are the same words. */
const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();

/**
 * How well a title answers the words: each word that is a whole word of the
 * title counts 2, the start of one 1, inside one ½; two words typed side by
 * side that stand side by side in the title count 1 more. A word found
 * nowhere rules the title out (0).
 */
function titleScore(words: readonly string[], title: string): number {
  const tokens = title.split(' ');
  let score = 0;
  for (const w of words) {
    if (tokens.includes(w)) score += 2;
    else if (tokens.some((t) => t.startsWith(w))) score += 1;
    else if (title.includes(w)) score += 0.5;
    else return 0;
  }
  for (let i = 1; i < words.length; i++) {
    const pair = ` ${words[i - 1]} ${words[i]} `;
    if (` ${title} `.includes(pair)) score += 1;
  }
  return score;
}

/**
 * Slides matching what was typed: a number finds that slide; words find the
 * slides whose title has all of them, best match first ("proxy 1-hop" puts
 * 3d's "1-hop" before 3c's "2-hops: hop 1"), then slides whose words or
 * section have them all.
 */
export function findSlides(query: string): Slide[] {
  const q = plain(query);
  if (q === '') return [];
  const found: Slide[] = [];
  const add = (s: Slide) => {
    if (!found.includes(s)) found.push(s);
  };
  // "27" is the talk's slide 27; "since 3" (or "since/3") the section's third.
  const since = /^since\W*(\d+)$/.exec(q);
  if (/^\d+$/.test(q) || since) {
    const n = since ? TALK_SLIDE_COUNT + Number(since[1]) : Number(q);
    const exact = n <= TALK_SLIDE_COUNT || since ? SLIDES[n - 1] : undefined;
    if (exact) add(exact);
  }
  const words = q.split(' ');
  const ranked = SLIDES.map((s) => ({ s, score: titleScore(words, plain(s.title)) }))
    .filter((r) => r.score > 0)
    // Stable: equal scores keep the talk's order.
    .sort((a, b) => b.score - a.score);
  for (const r of ranked) add(r.s);
  const hasAll = (text: string) => words.every((w) => text.includes(w));
  for (const s of SLIDES) {
    // A slide of the section after the talk: its points too, once its captions are here.
    const lines = s.since ? [...s.lines, ...sinceLinesOf(s.since.k)] : s.lines;
    if (hasAll(plain(`${lines.join(' ')} ${s.section}`))) add(s);
  }
  return found.slice(0, MAX_RESULTS);
}

/** Words that name the explorer, typed in part ("expl", "kubectl"). */
const EXPLORER_WORDS = ['explore', 'explorer', 'kubectl', 'import'];
export const EXPLORER_TITLE = 'Explorer: your own cluster (kubectl import, many requests, a link)';

/** Whether what was typed asks for the explorer: "expl", "kubectl", "import", "my cluster". */
export function asksForExplorer(query: string): boolean {
  const q = plain(query);
  const words = q.split(' ').filter(Boolean);
  if (words.some((w) => w.length >= 3 && EXPLORER_WORDS.some((e) => e.startsWith(w)))) return true;
  return /\b(my|own|your) cluster\b/.test(q);
}

/** G: jump to a slide by its number or by words from its title, or open the explorer. */
export function GoTo() {
  const store = useInboundStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // The section's points come with its captions: fetched when Go to opens, searched once here.
  // (Read, so that the list is drawn again when they arrive.)
  useInbound((s) => s.sinceCaptions);
  useEffect(() => {
    void loadSinceCaptions().then(() => store.setState({ sinceCaptions: true }));
  }, [store]);
  // A search over 136 titles: cheap enough to run on every keystroke and render.
  const slides = findSlides(query);
  const explorer = asksForExplorer(query);
  // The explorer comes first when asked for by name, as one more place to go.
  const results: (Slide | 'explorer')[] = explorer
    ? ['explorer' as const, ...slides].slice(0, MAX_RESULTS)
    : slides;
  const listId = useId();
  const close = () => store.getState().closeOverlay();
  const go = (slide: Slide | 'explorer' | undefined) => {
    if (!slide) return;
    close();
    if (slide === 'explorer') openExplorer(store.getState());
    else store.getState().goTo(slide.n);
  };
  const idOf = (r: Slide | 'explorer') => `${listId}-${r === 'explorer' ? 'explorer' : r.n}`;
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
          aria-activedescendant={results[active] ? idOf(results[active]) : undefined}
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
            key={s === 'explorer' ? s : s.n}
            id={idOf(s)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(s)}
          >
            {s === 'explorer' ? (
              <>
                <span className="goto-n">X</span> {EXPLORER_TITLE}
              </>
            ) : (
              <>
                <span className="goto-n">{slideNumber(s.n)}</span> {s.title}
                {s.section && !s.title.startsWith(s.section.split(' ')[0] ?? '') && (
                  <span className="goto-section"> · {s.section}</span>
                )}
              </>
            )}
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
