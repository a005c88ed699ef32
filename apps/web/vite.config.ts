import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Resolved from this file, so `vite build --config apps/web/vite.config.ts` works from the repo root.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.MOTCUA_API_URL ?? 'http://localhost:3000';

/** Files worth compressing (fonts and images other than SVG are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|eot|ttf|map)$/;

/**
 * Writes `file.br` (quality 11) and `file.gz` (level 9) beside every compressible file of at least
 * 1 KB in the output: the server picks one by Accept-Encoding (app.factory.ts) instead of
 * compressing the same bytes on every request.
 */
function precompress(outDir: string): Plugin {
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(
      entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])),
    );
    return nested.flat();
  };
  return {
    name: 'motcua-precompress',
    apply: 'build',
    async closeBundle() {
      const files = (await walk(outDir)).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < 1024) return;
          const body = await readFile(file);
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            }),
            promisify(gzip)(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

const outDir = fileURLToPath(new URL('./dist', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // Vendor code changes far less often than ours: React in its own chunk stays cached across
    // releases. antd is not grouped: each page's chunk brings only the components it uses, so a
    // public page does not download the tables, trees and pickers of the staff pages.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
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
