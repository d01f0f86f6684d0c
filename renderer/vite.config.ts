import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { preloadBootChunk } from './preload-boot';

// The renderer is served two ways: from file:// inside Electron and from the loopback host.
// base './' keeps every asset URL relative so both work with the same build.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), preloadBootChunk()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline scripts; a module preload polyfill is not needed in Electron's Chromium.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
