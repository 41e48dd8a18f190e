import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages from one build: the cadres' console at / and the residents' portal at /m/.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { console: resolve(import.meta.dirname, 'index.html'), portal: resolve(import.meta.dirname, 'm/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
