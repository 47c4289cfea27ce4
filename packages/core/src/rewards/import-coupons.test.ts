import { describe, expect, it } from 'vitest';
import { parseCouponCsv } from './import-coupons.js';

describe('coupon CSV parsing', () => {
  it('takes the first column, skips a header and blank lines, strips quotes and a BOM, and names bad lines', () => {
    const csv = '\uFEFFcode,expires\r\n"SAVE-1234",2027-01-01\n\nSAVE_5678;x\nbad code\n12\n';
    expect(parseCouponCsv(csv)).toEqual({
      codes: [
        { line: 2, code: 'SAVE-1234' },
        { line: 4, code: 'SAVE_5678' },
      ],
      invalid: [
        { line: 5, reason: expect.any(String) },
        { line: 6, reason: expect.any(String) },
      ],
    });
  });
});
