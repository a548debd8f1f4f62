import { defineConfig } from 'vite';

// Vite 8 compiles TSX itself (oxc); no React plugin needed for a production build.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    port: 5173,
    // In development the APIs and the event stream live behind the gateway.
    proxy: Object.fromEntries(
      ['/spider', '/tumblebug', '/mcmeta', '/hub', '/api'].map((path) => [
        path,
        { target: process.env.CB_GATEWAY_URL ?? 'http://127.0.0.1:8000', changeOrigin: false },
      ]),
    ),
  },
});
