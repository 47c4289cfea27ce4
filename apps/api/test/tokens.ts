import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Every kind of bad access token a test should see refused, for a given user and secret. */
export function badTokens(opts: {
  secret: string;
  issuer: string;
  audience: string;
  userId: string;
}) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: opts.userId,
    role: 'player',
    iss: opts.issuer,
    aud: opts.audience,
    iat: now,
    exp: now + 600,
  };
  const good = jwt.sign(claims, opts.secret, { algorithm: 'HS256' });
  const [h, , s] = good.split('.');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    good,
    algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    wrongAlgorithm: jwt.sign(claims, opts.secret, { algorithm: 'HS512' }),
    rsaSigned: jwt.sign(claims, privateKey, { algorithm: 'RS256' }),
    wrongAudience: jwt.sign({ ...claims, aud: 'someone-else' }, opts.secret, {
      algorithm: 'HS256',
    }),
    wrongIssuer: jwt.sign({ ...claims, iss: 'evil' }, opts.secret, { algorithm: 'HS256' }),
    noExpiry: jwt.sign(
      { sub: claims.sub, role: 'player', iss: opts.issuer, aud: opts.audience },
      opts.secret,
      { algorithm: 'HS256' },
    ),
    tampered: `${h}.${b64({ ...claims, role: 'admin' })}.${s}`,
    expired: jwt.sign({ ...claims, iat: now - 1000, exp: now - 60 }, opts.secret, {
      algorithm: 'HS256',
    }),
  };
}
