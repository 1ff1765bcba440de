import { describe, expect, it } from 'vitest';
import {
  escapeScriptText,
  inlineSingleFile,
  sha256Source,
  singleFilePolicy,
  svgDataUrl,
} from './inline-html';

const SERVED_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** A page as Vite writes it for the single-file pass (the shape of index.html after the build). */
const page = (policy = SERVED_POLICY) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      http-equiv="Content-Security-Policy"
      content="${policy}"
    />
    <title>Inbound</title>
    <script src="./boot.js"></script>
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="./assets/index-AbC123.js"></script>
    <style>body{margin:0}</style>
  </head>
  <body>
    <div id="root"><h1>Bringing traffic</h1></div>
  </body>
</html>
`;

const parts = {
  html: page(),
  bundle: 'const s = "<script></script>"; console.log(s);',
  boot: '(function () { document.documentElement.dataset.theme = "dark"; })();\n',
  favicon: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n',
};

/** The text of each inline <script>, as the browser hashes it. */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

describe('sha256Source', () => {
  it('is the CSP hash source of the exact UTF-8 text (known vectors)', () => {
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    // The CSP spec's own example: <script>alert('Hello, world.');</script>.
    expect(sha256Source("alert('Hello, world.');")).toBe(
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
  });

  it('hashes UTF-8 bytes, so a non-ASCII character changes the hash as a browser sees it', () => {
    expect(sha256Source('’')).not.toBe(sha256Source("'"));
    expect(sha256Source('é')).toBe(sha256Source('\u00e9'));
  });
});

describe('escapeScriptText', () => {
  it('writes </script as <\\/script in any case, and leaves other text alone', () => {
    expect(escapeScriptText('a="</script>";b="</SCRIPT >"')).toBe(
      'a="<\\/script>";b="<\\/SCRIPT >"',
    );
    expect(escapeScriptText('const x = 1 < 2;')).toBe('const x = 1 < 2;');
  });

  it('reads the same as JavaScript where a bundle holds it', () => {
    const code = 'globalThis.out = ["</script>", `</script>`, /<\\/script>/.source];';
    const run = (text: string) => {
      const scope = {} as { out?: unknown };
      new Function('globalThis', text)(scope);
      return scope.out;
    };
    expect(run(escapeScriptText(code))).toEqual(run(code));
  });

  it('refuses <!-- rather than risk the parser running the script past its end', () => {
    expect(() => escapeScriptText('x = "<!--<script>"')).toThrow(/<!--/);
  });
});

describe('singleFilePolicy', () => {
  const hashes = ["'sha256-AAA='", "'sha256-BBB='"];
  const directives = (policy: string) =>
    new Map(
      policy.split('; ').map((d) => {
        const [name = '', ...sources] = d.split(' ');
        return [name, sources];
      }),
    );

  it('names scripts by hash only: no self, no unsafe-inline, no unsafe-eval', () => {
    const policy = singleFilePolicy(SERVED_POLICY, hashes);
    const d = directives(policy);
    expect(d.get('script-src')).toEqual(hashes);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain("'self'");
    expect(d.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(['data:']);
  });

  it('fetches nothing and starts no worker; what named only self now names nothing', () => {
    const d = directives(singleFilePolicy(SERVED_POLICY, hashes));
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('worker-src')).toEqual(["'none'"]);
    expect(d.get('font-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('replaces an unsafe-inline script source rather than keeping it beside the hashes', () => {
    const d = directives(
      singleFilePolicy("script-src 'self' 'unsafe-inline' 'unsafe-eval'", hashes),
    );
    expect(d.get('script-src')).toEqual(hashes);
  });

  it('needs a hash: a policy naming no script would be a page that cannot run', () => {
    expect(() => singleFilePolicy(SERVED_POLICY, [])).toThrow();
  });
});

describe('svgDataUrl', () => {
  it('is a data: URL that decodes back to the SVG', () => {
    const url = svgDataUrl(parts.favicon);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(url).not.toMatch(/["'<>#]/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(parts.favicon.trim());
  });
});

describe('inlineSingleFile', () => {
  const { html, scriptHashes } = inlineSingleFile(parts);

  it('carries boot.js and the bundle inline, each named in the policy by its own hash', () => {
    const scripts = inlineScripts(html);
    expect(scripts).toEqual([parts.boot.trim(), escapeScriptText(parts.bundle)]);
    expect(scriptHashes).toEqual(scripts.map(sha256Source));
    const policy = /content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain(`script-src ${scriptHashes.join(' ')};`);
  });

  it('keeps boot.js before the first paint and puts the bundle after the prerendered slide', () => {
    expect(html.indexOf(parts.boot.trim())).toBeLessThan(html.indexOf('<div id="root">'));
    expect(html.indexOf('<script type="module">')).toBeGreaterThan(html.indexOf('</div>'));
    expect(html.indexOf('<script type="module">')).toBeLessThan(html.indexOf('</body>'));
  });

  it('needs no file beside it: no src, no preload, the favicon a data: URL', () => {
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toContain('modulepreload');
    expect(html).not.toContain('crossorigin');
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml,');
    expect(html).toContain('<style>body{margin:0}</style>');
  });

  it('refuses a page that would still load a file beside it', () => {
    const withSheet = parts.html.replace(
      '</head>',
      '<link rel="stylesheet" href="./assets/extra.css">\n</head>',
    );
    expect(() => inlineSingleFile({ ...parts, html: withSheet })).toThrow(/assets\/extra\.css/);
  });

  it('refuses a page without the parts it fills in, rather than writing half a page', () => {
    expect(() =>
      inlineSingleFile({ ...parts, html: parts.html.replace(/<meta\s+http-equiv[\s\S]*?\/>/, '') }),
    ).toThrow(/CSP/);
    expect(() =>
      inlineSingleFile({
        ...parts,
        html: parts.html.replace('<script src="./boot.js"></script>', ''),
      }),
    ).toThrow(/boot\.js/);
  });
});
