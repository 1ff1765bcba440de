import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './table';

/**
 * What a first visit downloads before the first slide can paint: the entry
 * script, every module it preloads, and the stylesheets index.html names.
 * Chunks loaded later (the diagram, the animation engine) are not counted.
 */
export function bundleFigures(dist: string): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*src|link[^>]*href)="([^"]+\.(?:js|css))"/g))
    refs.add(m[1] as string);
  let gz = 0;
  for (const ref of refs)
    gz += gzipSync(readFileSync(join(dist, ref.replace(/^\.?\//, '')))).length;
  return [
    {
      name: 'initial JS + CSS, gzipped',
      value: gz / 1024,
      unit: 'kB',
      budget: 110,
      better: 'lower',
      note: `${refs.size} files named by index.html`,
    },
  ];
}
