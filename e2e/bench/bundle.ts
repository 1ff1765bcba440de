import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './table';

/**
 * What a first visit downloads to run the deck: the scripts index.html names
 * and every module it preloads, plus the CSS (inlined into index.html at build
 * time). Chunks loaded later (the diagram, the animation engine) are not counted.
 */
export function bundleFigures(dist: string): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*src|link[^>]*href)="([^"]+\.(?:js|css))"/g))
    refs.add(m[1] as string);
  let gz = 0;
  for (const ref of refs)
    gz += gzipSync(readFileSync(join(dist, ref.replace(/^\.?\//, '')))).length;
  // The stylesheet is inlined into index.html at build time: count it as CSS.
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)]
    .map((m) => m[1] as string)
    .join('');
  if (inline) gz += gzipSync(inline).length;
  return [
    {
      name: 'initial JS + CSS, gzipped',
      value: gz / 1024,
      unit: 'kB',
      budget: 110,
      better: 'lower',
      note: `${refs.size} files named by index.html${inline ? ' + inline CSS' : ''}`,
    },
  ];
}
