import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path';

describe('where the waiting room sends a visitor once in', () => {
  it('keeps paths of this app', () => {
    expect(safeNext('/login')).toBe('/login');
    expect(safeNext('/signup')).toBe('/signup');
  });
  it('never leaves the app, nor loops back into the room', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/waiting-room?next=/x',
      '',
      null,
    ]) {
      expect(safeNext(bad)).toBe('/signup');
    }
  });
});
