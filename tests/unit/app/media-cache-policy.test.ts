import { describe, expect, it } from 'vitest';
import { mediaCacheControl } from '../../../electron/app/media/cache-policy';

describe('mediaCacheControl', () => {
  const thumb = `p1/thumbs/${'a'.repeat(32)}.jpg`;
  it('lets the browser keep thumbnails for a year without revalidating', () => {
    expect(mediaCacheControl(thumb)).toBe('private, max-age=31536000, immutable');
    expect(mediaCacheControl(`${thumb}?token=abc`)).toBe('private, max-age=31536000, immutable');
  });
  it('revalidates everything else, including look-alikes of a thumbnail', () => {
    expect(mediaCacheControl('p1/outputs/draft-1.png')).toBe('private, no-cache');
    expect(mediaCacheControl('p1/thumbs/cover.jpg')).toBe('private, no-cache');
    expect(mediaCacheControl(`p1/photos/thumbs/${'a'.repeat(32)}.jpg`)).toBe('private, no-cache');
  });
});
