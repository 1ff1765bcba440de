// The single-file build: `vite build` also writes dist/inbound.html, the whole app in
// one page that runs opened straight from a disk or a USB stick (file://), with no
// server and no network. Module chunks and workers cannot load from file://, so a
// second build makes one bundle (dynamic imports inlined) and the page carries it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { inlineSingleFile } from './inline-html.ts';

/** The mode of the second build (`vite build --mode single-file` writes only inbound.html). */
export const SINGLE_FILE_MODE = 'single-file';
/** The page it writes, beside index.html. */
export const SINGLE_FILE_NAME = 'inbound.html';

/**
 * In the single-file build: once Vite has written its page and the one bundle,
 * puts them (and public/boot.js and the favicon) into inbound.html, and leaves
 * nothing else to write.
 */
export function singleFileOutput(publicDir: string): Plugin {
  return {
    name: 'inbound:single-file-output',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        if (!page || page.type !== 'asset' || !entry)
          throw new Error('the single-file build made no index.html and entry chunk');
        if (chunks.length !== 1)
          throw new Error(
            `the single-file build made ${chunks.length} chunks, not one: ${chunks.map((c) => c.fileName).join(', ')}`,
          );
        // Whatever else was emitted (a worker's file the app never starts here, a
        // stylesheet already inlined) must not be something the bundle still names.
        const others = Object.keys(bundle).filter(
          (name) => name !== 'index.html' && name !== entry.fileName,
        );
        const named = others.filter((name) => entry.code.includes(name.replace(/^.*\//, '')));
        if (named.length > 0)
          throw new Error(`the single bundle still loads files beside it: ${named.join(', ')}`);
        const { html } = inlineSingleFile({
          html: String(page.source),
          bundle: entry.code,
          boot: readFileSync(join(publicDir, 'boot.js'), 'utf8'),
          favicon: readFileSync(join(publicDir, 'favicon.svg'), 'utf8'),
        });
        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: SINGLE_FILE_NAME, source: html });
      },
    },
  };
}

/**
 * In the normal build: once its files are written, runs the single-file build
 * into the same folder, so every `vite build` (npm run build, npm start, the
 * tests' and the bench's builds) leaves inbound.html beside index.html. At the
 * close, after Vite's own report; not when the build failed or wrote nothing.
 */
export function alsoBuildSingleFile(): Plugin {
  let config: ResolvedConfig;
  let written = false;
  return {
    name: 'inbound:also-build-single-file',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle() {
      written = true;
    },
    async closeBundle(error) {
      if (!written || error || config.build.watch) return;
      written = false;
      await build({
        configFile: config.configFile ?? false,
        root: config.root,
        mode: SINGLE_FILE_MODE,
        logLevel: config.logLevel,
        build: { outDir: resolve(config.root, config.build.outDir), emptyOutDir: false },
      });
    },
  };
}
