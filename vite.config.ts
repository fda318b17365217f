// The web app (src/web) builds to dist/web, which `strata serve` serves beside the API.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [svelte({ configFile: false })],
  build: { outDir: '../../dist/web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 600 },
  // `npx vite` during development: the API comes from a running `strata serve --port 8080`.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
