import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/main/app-url';

const index = '/opt/Pairlight/resources/app.asar/out/renderer/index.html';

describe('isAppUrl', () => {
  it('accepts only the built index.html, with or without a hash or query', () => {
    expect(isAppUrl(`file://${index}`, undefined, index)).toBe(true);
    expect(isAppUrl(`file://${index}#/queue`, undefined, index)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', undefined, index)).toBe(false);
    expect(isAppUrl(`file://${index.replace('index.html', '../../other.html')}`, undefined, index)).toBe(false);
    expect(isAppUrl('https://example.com/', undefined, index)).toBe(false);
    expect(isAppUrl(`file://evil-host${index}`, undefined, index)).toBe(false);
    expect(isAppUrl('not a url', undefined, index)).toBe(false);
  });

  it('accepts the dev server origin in development, and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/#/projects', 'http://localhost:5173/', index)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/', index)).toBe(false);
    expect(isAppUrl(`file://${index}`, 'http://localhost:5173/', index)).toBe(false);
  });

  it('handles Windows paths', () => {
    const win = 'C:\\Program Files\\Pairlight\\resources\\app.asar\\out\\renderer\\index.html';
    expect(isAppUrl('file:///C:/Program%20Files/Pairlight/resources/app.asar/out/renderer/index.html', undefined, win)).toBe(true);
  });
});
