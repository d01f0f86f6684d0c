import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The entry module (main.tsx) is small and loads React and the screens (boot.tsx) with a dynamic
 * import once it has started the first screen's request. A modulepreload link for that chunk and
 * its imports lets the browser fetch and compile them alongside the entry, not after it.
 */
function preloadBootChunk(): Plugin {
  return {
    name: 'pairlight-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {});
        const boot = chunks.find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot || boot.type !== 'chunk') return [];
        const entries = new Set(chunks.filter((c) => c.type === 'chunk' && c.isEntry).map((c) => c.fileName));
        return [boot.fileName, ...boot.imports]
          .filter((file) => !entries.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

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
