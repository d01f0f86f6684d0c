import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../renderer/src/app/route';
import { isTypingTarget, shortcutOf } from '../../../renderer/src/lib/shortcuts';
import { createRouteStore } from '../../../renderer/src/stores/route';
import { humanize, jobTitle } from '../../../renderer/src/screens/queue/labels';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('Mod is Ctrl off macOS and Cmd on macOS', () => {
    expect(shortcutOf(key('1', { ctrlKey: true }), false)).toBe('Mod+1');
    expect(shortcutOf(key('1', { metaKey: true }), true)).toBe('Mod+1');
    expect(shortcutOf(key('1', { ctrlKey: true }), true)).toBe('1');
  });
  it('letters are case-insensitive; named keys keep Shift', () => {
    expect(shortcutOf(key('F', { shiftKey: true }), false)).toBe('f');
    expect(shortcutOf(key('ArrowLeft', { shiftKey: true }), false)).toBe('Shift+ArrowLeft');
    expect(shortcutOf(key('Delete'), false)).toBe('Delete');
  });
});

describe('isTypingTarget', () => {
  it('text fields swallow bare keys, checkboxes and buttons do not', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('routes in the URL hash', () => {
  it('round-trip, with project ids encoded', () => {
    const route = { screen: 'session' as const, projectId: 'a b/c' };
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute('#/queue')).toEqual({ screen: 'queue', projectId: null });
  });
  it('anything unknown lands on Projects', () => {
    expect(parseRoute('')).toEqual({ screen: 'projects', projectId: null });
    expect(parseRoute('#/nowhere/x')).toEqual({ screen: 'projects', projectId: null });
    expect(parseRoute('#/session/%E0%A4%A')).toEqual({ screen: 'session', projectId: null });
  });
  it('syncing to the hash already shown changes nothing (the app syncs once more after it boots)', () => {
    const store = createRouteStore('#/gallery/p1', () => undefined);
    const before = store.getState();
    store.getState().sync('#/gallery/p1');
    expect(store.getState()).toBe(before);
    store.getState().sync('#/session/p2');
    expect(store.getState().route).toEqual({ screen: 'session', projectId: 'p2' });
    expect(store.getState().lastProjectId).toBe('p2');
  });
});

describe('job labels', () => {
  it('reads identifiers as words', () => {
    expect(humanize('couple.draft')).toBe('Couple draft');
    expect(humanize('faceDetect')).toBe('Face detect');
    expect(jobTitle('upscale')).toBe('Upscale');
    expect(jobTitle('baby.generate')).toBe('Baby portraits');
  });
});
