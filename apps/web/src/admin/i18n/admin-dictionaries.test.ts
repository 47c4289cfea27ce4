import { describe, expect, it as test } from 'vitest';
import { adminEn } from './admin-en';
import { adminIt } from './admin-it';
import { fillTemplate } from './use-admin-text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console dictionaries', () => {
  test('use the same placeholders in both languages', () => {
    for (const key of Object.keys(adminEn) as (keyof typeof adminEn)[]) {
      expect(placeholders(adminIt[key]), key).toEqual(placeholders(adminEn[key]));
    }
  });

  test('have no empty messages', () => {
    for (const dict of [adminEn, adminIt]) {
      expect(Object.entries(dict).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  test('fill placeholders and leave unknown ones visible', () => {
    expect(fillTemplate('{n} of {total}', { n: 2 })).toBe('2 of {total}');
  });
});
