import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { preloadBootChunk } from './renderer/preload-boot';

// Three bundles: main (ESM, dependencies left external so native modules load from
// node_modules), preload (CommonJS and self-contained: a sandboxed preload cannot require
// packages) and the renderer (renderer/index.html, the same build the browser host serves).
const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Each worker is its own entry: the bundled main starts out/main/session-worker.js (inference)
      // and out/main/pixel-worker.js (drafts, baby portraits, matte upsampling, upscale detail).
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'session-worker': resolve(root, 'native/runtime/session-worker.ts'),
          'pixel-worker': resolve(root, 'native/offload/pixel-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), preloadBootChunk()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
