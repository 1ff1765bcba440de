import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { runnerImport, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import type * as Prerender from './app/prerender';
import { alsoBuildSingleFile, SINGLE_FILE_MODE, singleFileOutput } from './build/single-file.ts';

type PrerenderModule = typeof Prerender;

/**
 * Writes the deck's first slide into index.html at build time, rendered by the
 * app's own components (app/prerender.tsx), so it paints before the scripts run.
 */
function prerenderFirstSlide(): Plugin {
  return {
    name: 'inbound:prerender-first-slide',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const entry = fileURLToPath(new URL('./app/prerender.tsx', import.meta.url));
        const { module } = await runnerImport<PrerenderModule>(entry, {
          configFile: false,
          logLevel: 'error',
        });
        let out = html.replace(
          '<div id="root"></div>',
          `<div id="root">${module.renderFirstSlide()}</div>`,
        );
        if (out === html)
          throw new Error('index.html has no empty <div id="root"></div> to prerender into');
        // A link to another slide hides the prerendered one before it paints (public/boot.js).
        out = out.replace('</title>', '</title>\n    <script src="./boot.js"></script>');
        // The stylesheet is a few kB: inlined, the first paint waits for no second request.
        out = out.replace(
          /<link rel="stylesheet"[^>]*href="\.?\/?(assets\/[^"]+\.css)"[^>]*>/g,
          (tag, file: string) => {
            const asset = ctx.bundle?.[file];
            return asset && asset.type === 'asset' ? `<style>${String(asset.source)}</style>` : tag;
          },
        );
        return out;
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  // The second pass of `vite build` (build/single-file.ts): the whole app in one bundle, put
  // into dist/inbound.html with everything it needs, to be opened from a disk (file://).
  const singleFile = mode === SINGLE_FILE_MODE;
  return {
    plugins: [
      react(),
      prerenderFirstSlide(),
      singleFile
        ? singleFileOutput(fileURLToPath(new URL('./public', import.meta.url)))
        : alsoBuildSingleFile(),
    ],
    base: './',
    // Read by app/ui/single-file.ts: that copy starts no worker and says where sync may fail.
    define: { __INBOUND_SINGLE_FILE__: JSON.stringify(singleFile) },
    build: {
      target: 'es2022',
      sourcemap: !singleFile,
      // One file on a disk keeps none of the served app's others: no public/ copies beside it.
      copyPublicDir: !singleFile,
      rolldownOptions: {
        // The first-slide prerender spends ~2 s in a module runner by design; no need to warn about it.
        checks: { bundlerTimings: false },
        // file:// loads no chunk: one bundle, every dynamic import inlined into it.
        ...(singleFile ? { output: { codeSplitting: false } } : {}),
      },
    },
    // Workers are modules (both are made with { type: 'module' }), so the YAML reader stays a
    // chunk of its own that the import worker loads only for YAML.
    worker: { format: 'es' },
    preview: { port: 4173, strictPort: true },
    test: {
      include: [
        'app/**/*.test.ts',
        'app/**/*.test.tsx',
        'build/**/*.test.ts',
        'e2e/bench/**/*.test.ts',
      ],
      environment: 'node',
      // Tests here assert what is computed, never how fast: property tests over thousands of hops
      // get room on a busy CI machine (speed is measured by npm run bench).
      testTimeout: 30_000,
    },
  };
});
