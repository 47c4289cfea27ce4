import { describe, expect, it } from 'vitest';
import { checkOrigin } from './origin-guard.js';

const policy = {
  allowedOrigins: ['https://play.example.com', 'http://localhost:5173'],
  allowNoOrigin: false,
};

describe('checkOrigin', () => {
  it('accepts a listed origin exactly', () => {
    expect(checkOrigin('https://play.example.com', policy)).toEqual({ allowed: true });
    expect(checkOrigin('http://localhost:5173', policy)).toEqual({ allowed: true });
  });

  it.each([
    'https://play.example.com.evil.net',
    'https://evil.example.com',
    'http://play.example.com',
    'https://play.example.com:8443',
    'http://localhost:3000',
    'null',
    'HTTPS://PLAY.EXAMPLE.COM',
  ])('refuses %s', (origin) => {
    expect(checkOrigin(origin, policy)).toEqual({ allowed: false, reason: 'origin_not_listed' });
  });

  it('refuses a missing origin unless the policy allows non-browser clients', () => {
    expect(checkOrigin(undefined, policy)).toEqual({ allowed: false, reason: 'origin_missing' });
    expect(checkOrigin('', policy)).toEqual({ allowed: false, reason: 'origin_missing' });
    expect(checkOrigin(undefined, { ...policy, allowNoOrigin: true })).toEqual({ allowed: true });
  });
});
