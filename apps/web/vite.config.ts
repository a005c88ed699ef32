import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolved from this file, so `vite build --config apps/web/vite.config.ts` works from the repo root.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.MOTCUA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
    },
  },
  preview: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
    },
  },
});
