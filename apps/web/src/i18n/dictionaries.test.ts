import { ErrorCode } from '@playloop/shared';
import { describe, expect, it as test } from 'vitest';
import { en } from './en';
import { it } from './it';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  test('translate every error code of the shared contract, in both languages', () => {
    const codes = [...Object.values(ErrorCode), 'NETWORK'];
    const missing = (dict: Record<string, string>) =>
      codes.filter((code) => !dict[`error.${code}`]);
    expect(missing(en), 'English').toEqual([]);
    expect(missing(it), 'Italian').toEqual([]);
  });

  test('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(it[key]), key).toEqual(placeholders(en[key]));
    }
  });

  test('have no empty messages', () => {
    for (const dict of [en, it]) {
      expect(Object.entries(dict).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });
});
