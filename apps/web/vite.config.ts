import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is built into dist/ and served by `pactwatch serve` (same origin as the API, so the
// session cookie and CSRF header just work). `npm run dev -w @pactwatch/web` proxies /api to a
// running `pactwatch serve` on port 8080.
export default defineConfig({
  plugins: [react()],
  // The manifest lets scripts/bench-web.js measure what the first page load fetches.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' } },
});
