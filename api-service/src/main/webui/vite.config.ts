/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';

// The build lands where Quarkus serves static files from: api-service's target/classes/META-INF/resources.
const outDir = fileURLToPath(new URL('../../../target/classes/META-INF/resources', import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir,
    emptyOutDir: true,
    // Hashed file names under /assets/: api-service serves them with a one-year immutable cache.
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500, // the lazily loaded chart chunk (vega + vega-lite) is large by nature
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a platform started with ./platform up (PLATFORM_URL).
    proxy: { '/api': process.env.PLATFORM_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
