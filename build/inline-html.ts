// Pure helpers for the single-file build (dist/inbound.html): the text of an inline
// script made safe to sit in HTML, its CSP hash, the policy of the single file, and
// the page itself put together from Vite's HTML, the one bundle and public/ files.
import { createHash } from 'node:crypto';

/**
 * A CSP hash source for an inline script: sha256 over the exact UTF-8 text
 * between <script> and </script>, base64 (CSP Level 2, "hash-source").
 */
export const sha256Source = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Script text that can sit between <script> and </script>. `</script` would
 * end the element early: written `<\/script`, which every place a bundle can
 * hold it (a string, an untagged template, a regular expression, a comment)
 * reads the same. `<!--` cannot be written another way that all of those read
 * alike, and with a `<script` after it the HTML parser would run the element
 * past its end (the "double escaped" state): refused, so that a bundle that
 * grows one fails the build rather than yielding a broken page.
 */
export function escapeScriptText(code: string): string {
  const out = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(out))
    throw new Error('the script holds "<!--", which cannot be inlined safely into HTML');
  return out;
}

/**
 * The single file's policy from the served page's: scripts only by the hashes
 * given (never 'unsafe-inline', never 'unsafe-eval'); nothing fetched, no
 * workers and nothing by default; every other directive keeps its sources less
 * 'self', which names nothing a lone file needs ('none' where nothing is left).
 */
export function singleFilePolicy(policy: string, scriptHashes: readonly string[]): string {
  if (scriptHashes.length === 0) throw new Error('a single file needs at least one script hash');
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  for (const [name, sources] of directives) {
    const kept = sources.filter((s) => s !== "'self'" && s !== "'none'");
    directives.set(name, kept.length > 0 ? kept : ["'none'"]);
  }
  directives.set('default-src', ["'none'"]);
  directives.set('script-src', [...scriptHashes]);
  directives.set('connect-src', ["'none'"]);
  directives.set('worker-src', ["'none'"]);
  return [...directives].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** An SVG as a data: URL (percent-encoded: shorter than base64 for text). */
export const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml,${encodeURIComponent(svg.trim()).replace(/%20/g, ' ').replace(/'/g, '%27')}`;

export interface SingleFileParts {
  /** The page as Vite wrote it: the CSP meta, boot.js, the one module script, the favicon. */
  readonly html: string;
  /** The whole app's bundle: the module `html` names. */
  readonly bundle: string;
  /** public/boot.js. */
  readonly boot: string;
  /** public/favicon.svg. */
  readonly favicon: string;
}

export interface SingleFile {
  readonly html: string;
  /** The hash sources of its inline scripts, in the order they stand in the page. */
  readonly scriptHashes: readonly string[];
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)("\s*\/?>)/i;
const BOOT_TAG = /<script src="\.?\/?boot\.js"><\/script>/;
const MODULE_TAG = /<script type="module"[^>]*\ssrc="[^"]+"[^>]*><\/script>\s*/;
const ICON_TAG = /(<link rel="icon" href=")\.?\/?favicon\.svg(")/;

/** Replaces exactly one match of `pattern`, or says which part of the page is missing. */
function replaceOnce(html: string, pattern: RegExp, by: (...m: string[]) => string, what: string) {
  let count = 0;
  const out = html.replace(pattern, (...m: string[]) => {
    count++;
    return by(...m);
  });
  if (count !== 1) throw new Error(`the page has ${count} ${what}, not one`);
  return out;
}

/**
 * The page with everything in it: boot.js inline where its tag was (it must
 * run before the first paint), the bundle as an inline module at the end of
 * <body> (a module runs after parsing wherever it stands; there the prerendered
 * slide does not wait for a megabyte of script text to be read), the favicon as
 * a data: URL, and a policy naming both scripts by hash. Throws when the page
 * would still need a file beside it.
 */
export function inlineSingleFile(parts: SingleFileParts): SingleFile {
  const boot = escapeScriptText(parts.boot.trim());
  const bundle = escapeScriptText(parts.bundle);
  let html = parts.html.replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  html = replaceOnce(html, BOOT_TAG, () => `<script>${boot}</script>`, 'boot.js tags');
  html = replaceOnce(html, MODULE_TAG, () => '', 'module scripts');
  html = replaceOnce(
    html,
    /<\/body>/,
    () => `<script type="module">${bundle}</script>\n  </body>`,
    'ends of <body>',
  );
  html = replaceOnce(
    html,
    ICON_TAG,
    (_, a = '', b = '') => `${a}${svgDataUrl(parts.favicon)}${b}`,
    'favicon links',
  );
  const scriptHashes = [sha256Source(boot), sha256Source(bundle)];
  html = replaceOnce(
    html,
    CSP_META,
    (_, open = '', policy = '', close = '') =>
      `${open}${singleFilePolicy(policy, scriptHashes)}${close}`,
    'CSP meta tags',
  );
  const left = [
    ...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="([^"]*)"/gi),
  ]
    .map((m) => m[1] as string)
    .filter((ref) => !ref.startsWith('data:'));
  if (left.length > 0)
    throw new Error(`the single file would still need files beside it: ${left.join(', ')}`);
  return { html, scriptHashes };
}
