import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetInvite, isDeadInviteError, readInvite, rememberInvite } from './invite-storage';

/** The bits of the Web Storage API the module uses, over a Map (the unit tests run in Node). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the stored invite', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('keeps the code and the inviter until the sign-up forgets it', () => {
    rememberInvite('mNRnYH25M7', 'Alice');
    expect(readInvite()).toMatchObject({ code: 'mNRnYH25M7', referrerName: 'Alice' });
    forgetInvite();
    expect(readInvite()).toBeNull();
  });

  it('drops what it cannot trust: a malformed code, junk, or an ancient invite', () => {
    localStorage.setItem(
      'playloop.invite',
      JSON.stringify({ code: 'no spaces!', referrerName: 'x', storedAt: Date.now() }),
    );
    expect(readInvite()).toBeNull();
    expect(localStorage.getItem('playloop.invite')).toBeNull();

    localStorage.setItem('playloop.invite', '{not json');
    expect(readInvite()).toBeNull();

    const twoYearsAgo = Date.now() - 2 * 365 * 86_400_000;
    localStorage.setItem(
      'playloop.invite',
      JSON.stringify({ code: 'abcd1234', referrerName: 'x', storedAt: twoYearsAgo }),
    );
    expect(readInvite()).toBeNull();
  });

  it('survives storage being unavailable (private mode): nothing stored, nothing thrown', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(() => rememberInvite('abcd1234', 'Alice')).not.toThrow();
    expect(readInvite()).toBeNull();
    expect(() => forgetInvite()).not.toThrow();
  });

  it('names the answers after which an invite is dead, but not passing trouble', () => {
    expect(isDeadInviteError('INVITE_EXPIRED')).toBe(true);
    expect(isDeadInviteError('CAMPAIGN_NOT_ACTIVE')).toBe(true);
    expect(isDeadInviteError('INVITE_NOT_FOUND')).toBe(true);
    expect(isDeadInviteError('NETWORK')).toBe(false);
    expect(isDeadInviteError('OVERLOADED')).toBe(false);
  });
});
