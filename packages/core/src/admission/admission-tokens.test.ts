import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { createAdmissionTokens } from './admission-tokens.js';

const cfg = {
  secret: 'x'.repeat(40),
  issuer: 'playloop',
  admissionTtlSeconds: 600,
  ticketTtlSeconds: 3600,
};

describe('waiting room tokens', () => {
  const tokens = createAdmissionTokens(cfg);

  it('round-trips the visitor id in a ticket and in an admission', () => {
    expect(tokens.verifyTicket(tokens.issueTicket('visitor-aaaaaaaaaaaa'))).toBe(
      'visitor-aaaaaaaaaaaa',
    );
    expect(tokens.verifyAdmission(tokens.issueAdmission('visitor-aaaaaaaaaaaa'))).toBe(
      'visitor-aaaaaaaaaaaa',
    );
  });

  it('never takes a ticket for an admission, nor an access token for either', () => {
    expect(tokens.verifyAdmission(tokens.issueTicket('v-aaaaaaaaaaaaaaaa'))).toBeNull();
    const access = jwt.sign({ role: 'player' }, cfg.secret, {
      algorithm: 'HS256',
      issuer: 'playloop',
      audience: 'playloop',
      subject: 'usr_1',
      expiresIn: 60,
    });
    expect(tokens.verifyAdmission(access)).toBeNull();
    expect(tokens.verifyTicket(access)).toBeNull();
  });

  it('refuses forged, expired and missing tokens', () => {
    const forged = createAdmissionTokens({ ...cfg, secret: 'y'.repeat(40) }).issueAdmission(
      'v-aaaaaaaaaaaaaaaa',
    );
    const expired = jwt.sign({}, cfg.secret, {
      algorithm: 'HS256',
      issuer: 'playloop',
      audience: 'playloop-admission',
      subject: 'v',
      expiresIn: -10,
    });
    expect(tokens.verifyAdmission(forged)).toBeNull();
    expect(tokens.verifyAdmission(expired)).toBeNull();
    expect(tokens.verifyAdmission(undefined)).toBeNull();
    expect(tokens.verifyAdmission('garbage')).toBeNull();
  });
});
