import { ConfigError } from '@playloop/core';
import { describe, expect, it } from 'vitest';
import { loadRealtimeConfig } from './config.js';

const base = { JWT_SECRET: 'a'.repeat(48) };

describe('loadRealtimeConfig', () => {
  it('serves local development with defaults', () => {
    const config = loadRealtimeConfig(base);
    expect(config).toMatchObject({
      PORT: 3001,
      HOST: '0.0.0.0',
      ALLOWED_ORIGINS: ['http://localhost:3000', 'http://localhost:5173'],
      ALLOW_NO_ORIGIN: true,
      MAX_PAYLOAD_BYTES: 16_384,
      SOCKET_EVENTS_PER_SECOND: 20,
      SOCKET_EVENTS_BURST: 40,
      SOCKET_ABUSE_STRIKES: 5,
      REDIS_PREFIX: 'pl:',
    });
  });

  it('refuses origin-less clients by default in production, unless told otherwise', () => {
    expect(loadRealtimeConfig({ ...base, NODE_ENV: 'production' }).ALLOW_NO_ORIGIN).toBe(false);
    expect(
      loadRealtimeConfig({ ...base, NODE_ENV: 'production', ALLOW_NO_ORIGIN: 'true' })
        .ALLOW_NO_ORIGIN,
    ).toBe(true);
    expect(
      loadRealtimeConfig({ ...base, NODE_ENV: 'test', ALLOW_NO_ORIGIN: '0' }).ALLOW_NO_ORIGIN,
    ).toBe(false);
  });

  it('reads ALLOWED_ORIGINS as a trimmed comma-separated list', () => {
    const config = loadRealtimeConfig({
      ...base,
      ALLOWED_ORIGINS: ' https://play.example.com , https://admin.example.com:8443 ',
    });
    expect(config.ALLOWED_ORIGINS).toEqual([
      'https://play.example.com',
      'https://admin.example.com:8443',
    ]);
  });

  it.each([
    ['ALLOWED_ORIGINS', 'https://play.example.com/'],
    ['ALLOWED_ORIGINS', '*'],
    ['ALLOWED_ORIGINS', ','],
    ['PORT', 'http'],
    ['MAX_PAYLOAD_BYTES', '10'],
    ['SOCKET_EVENTS_PER_SECOND', '0'],
    ['SOCKET_ABUSE_STRIKES', '-1'],
    ['ALLOW_NO_ORIGIN', 'yes'],
  ])('stops with a message naming %s=%s', (name, value) => {
    expect(() => loadRealtimeConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadRealtimeConfig({ ...base, [name]: value })).toThrow(
      new RegExp(`^\\s+${name}[.:]`, 'm'),
    );
  });

  it('names a missing JWT_SECRET', () => {
    expect(() => loadRealtimeConfig({})).toThrow(/JWT_SECRET/);
  });
});
