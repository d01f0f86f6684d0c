import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The component harness: real screens and components with synthetic fixtures, for the UI tests
// of screens whose commands have not landed yet (10,000-image gallery, drafts, compare, mesh).
// Built into test-results/, never shipped with the app.
export default defineConfig({
  root: fileURLToPath(new URL('./harness', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../test-results/ui-harness', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
});
