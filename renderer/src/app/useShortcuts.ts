import { useEffect, useRef } from 'react';
import { isTypingTarget, shortcutOf } from '../lib/shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * Binds shortcuts while the calling component is mounted. Keys with a modifier also work
 * from inside text fields; bare keys do not, so typing "f" in a name never favourites.
 */
export function useShortcuts(bindings: Record<string, (event: KeyboardEvent) => void>, enabled = true): void {
  const latest = useRef(bindings);
  latest.current = bindings;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const combo = shortcutOf(event, isMac);
      const handler = latest.current[combo];
      if (!handler) return;
      if (!combo.startsWith('Mod+') && combo !== 'Escape' && isTypingTarget(event.target)) return;
      // A modal dialog owns the keyboard; screens behind it must not react.
      if (document.querySelector('dialog[open]') && !(event.target instanceof Node && (event.target as Element).closest?.('dialog'))) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

export const modLabel = isMac ? '⌘' : 'Ctrl';
