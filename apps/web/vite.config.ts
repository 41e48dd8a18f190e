import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pwaPlugin } from './pwa-plugin';

// Two pages from one build: the cadres' console at / and the residents' portal at /m/.
// LIANXIN_WEB_BUILD_DIR builds elsewhere (parallel browser-test runs each keep their own pages).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), pwaPlugin()],
  build: {
    outDir: process.env.LIANXIN_WEB_BUILD_DIR ? resolve(process.env.LIANXIN_WEB_BUILD_DIR) : 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { console: resolve(import.meta.dirname, 'index.html'), portal: resolve(import.meta.dirname, 'm/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
