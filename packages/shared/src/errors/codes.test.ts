import { describe, expect, it } from 'vitest';
import { ERROR_HTTP_STATUS, ERROR_MESSAGES, ErrorCode, isErrorCode } from './codes.js';
import { newId, zId } from '../ids/ids.js';

describe('error codes', () => {
  it('every code has an HTTP status in the 4xx/5xx range and a user-facing message', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_HTTP_STATUS[code]).toBeLessThan(600);
      expect(ERROR_MESSAGES[code].length).toBeGreaterThan(0);
    }
    expect(isErrorCode('RATE_LIMITED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('prefixed ids', () => {
  it('new ids carry their prefix and parse only as their own kind', () => {
    const id = newId('usr');
    expect(id).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(zId('usr').safeParse(id).success).toBe(true);
    expect(zId('cmp').safeParse(id).success).toBe(false);
    expect(new Set(Array.from({ length: 1000 }, () => newId('usr'))).size).toBe(1000);
  });
});
