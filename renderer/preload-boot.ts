// A Vite plugin both renderer builds use (renderer/vite.config.ts for the browser host,
// electron.vite.config.ts for the desktop app).
import type { Plugin } from 'vite';

/**
 * The entry module (main.tsx) is small and loads React and the screens (boot.tsx) with a dynamic
 * import once it has started the first screen's request. A modulepreload link for that chunk and
 * its imports lets the browser fetch and compile them alongside the entry, not after it.
 */
export function preloadBootChunk(): Plugin {
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
