// Set by vite.config.ts: true only in the single-file copy (dist/inbound.html), the whole app
// in one page for a disk or a USB stick. Elsewhere (the served app, tests, the prerender) false
// or not defined at all.
declare const __INBOUND_SINGLE_FILE__: boolean | undefined;

/**
 * Whether this page is the single-file copy: opened from a file, it can load no
 * other file, so it starts no Web Worker (their scripts would be files of their
 * own) and runs that work on the page itself, saying so where it shows.
 */
export const SINGLE_FILE: boolean =
  typeof __INBOUND_SINGLE_FILE__ === 'boolean' && __INBOUND_SINGLE_FILE__;
