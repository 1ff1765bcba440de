import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The built deck must run from a conference laptop with no network: no CDN, no
// remote fonts, and a CSP (in index.html) that forbids inline script and eval.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
  },
});
