// Keyboard shortcuts as plain strings ("Mod+1", "ArrowLeft", "f"), so a table of them reads
// like the help text, and Mod means Cmd on macOS and Ctrl elsewhere.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function shortcutOf(event: KeyLike, isMac: boolean): string {
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  // Shift is part of the key itself for printable characters ("?" not "Shift+/").
  if (event.shiftKey && event.key.length > 1) parts.push('Shift');
  parts.push(event.key.length === 1 ? event.key.toLowerCase() : event.key);
  return parts.join('+');
}

/** Typing in a field must not trigger single-key shortcuts like F or Delete. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable) return true;
  if (tag !== 'INPUT') return false;
  const type = (element as HTMLInputElement).type;
  return !['checkbox', 'radio', 'range', 'button', 'submit'].includes(type);
}
