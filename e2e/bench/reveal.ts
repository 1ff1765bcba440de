// A reveal.js deck of the same talk, for comparison: the 124 slides' words from
// shared/talk/slides.json, one <section> each, in reveal.js's default
// configuration (slide transition, white theme). Written at bench time into
// the folder being served; nothing generated is kept in the repository.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

interface TalkSlide {
  readonly n: number;
  readonly lines: readonly string[];
}

/** Where the talk's text lives: shared/talk beside the repository, or INBOUND_TALK. */
export const TALK_SLIDES =
  process.env.INBOUND_TALK ?? resolve(import.meta.dirname, '../../../shared/talk/slides.json');

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** One slide as reveal.js expects it: the first line as its heading, the rest as lines below. */
export function revealSection(slide: TalkSlide): string {
  const [title = '', ...rest] = slide.lines;
  const body = rest.map((l) => `<p>${escape(l)}</p>`).join('');
  return `<section data-n="${slide.n}"><h2>${escape(title)}</h2>${body}</section>`;
}

export function revealPage(slides: readonly TalkSlide[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bringing traffic into your Kubernetes cluster (reveal.js)</title>
<link rel="stylesheet" href="reveal.css">
<link rel="stylesheet" href="white.css">
</head>
<body>
<div class="reveal"><div class="slides">
${slides.map(revealSection).join('\n')}
</div></div>
<script src="reveal.js"></script>
<script>Reveal.initialize({ hash: true }).then(() => document.body.setAttribute('data-ready', ''));</script>
</body>
</html>
`;
}

/**
 * Writes the reveal.js deck into `dir` (created) and returns how many slides
 * it has. Throws when reveal.js or the talk's text is missing.
 */
export function writeRevealDeck(dir: string, talk = TALK_SLIDES): number {
  const slides = JSON.parse(readFileSync(talk, 'utf8')) as TalkSlide[];
  const dist = dirname(createRequire(import.meta.url).resolve('reveal.js'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(dist, 'reveal.js'), join(dir, 'reveal.js'));
  copyFileSync(join(dist, 'reveal.css'), join(dir, 'reveal.css'));
  copyFileSync(join(dist, 'theme', 'white.css'), join(dir, 'white.css'));
  writeFileSync(join(dir, 'index.html'), revealPage(slides));
  return slides.length;
}
