import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A stand-in for a Supabase project's Auth issuer: it publishes an ES256 signing key at
 * `/auth/v1/.well-known/jwks.json` over real HTTP and mints tokens shaped like GoTrue's
 * (iss `${url}/auth/v1`, aud and role `authenticated`, sub a uuid, email, session_id, aal).
 */
export async function startFakeSupabaseAuth() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const jwk = {
    ...publicKey.export({ format: 'jwk' }),
    kid,
    alg: 'ES256',
    use: 'sig',
    key_ops: ['verify'],
  };
  const legacySecret = randomBytes(32).toString('base64');
  let jwksHits = 0;
  const server = createServer((req, res) => {
    if (req.url === '/auth/v1/.well-known/jwks.json') {
      jwksHits += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const claims = (sub: string, email: string) => ({
    sub,
    email,
    role: 'authenticated',
    aal: 'aal1',
    session_id: randomUUID(),
    is_anonymous: false,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
  });
  const signOpts = {
    issuer: `${url}/auth/v1`,
    audience: 'authenticated',
    expiresIn: 3600,
  } as const;

  return {
    url,
    legacySecret,
    get jwksHits() {
      return jwksHits;
    },
    /** A token as a current Supabase project issues it (asymmetric signing key). */
    signWithSigningKey(
      sub = randomUUID(),
      email = `${sub.slice(0, 8)}@example.com`,
      extra: jwt.SignOptions = {},
    ) {
      return jwt.sign(claims(sub, email), privateKey, {
        ...signOpts,
        algorithm: 'ES256',
        keyid: kid,
        ...extra,
      });
    },
    /** A token as a project on the legacy shared JWT secret issues it (HS256). */
    signWithLegacySecret(
      sub = randomUUID(),
      email = `${sub.slice(0, 8)}@example.com`,
      secret = legacySecret,
      extra: jwt.SignOptions = {},
    ) {
      return jwt.sign(claims(sub, email), secret, { ...signOpts, algorithm: 'HS256', ...extra });
    },
    async stop() {
      server.closeAllConnections();
      server.close();
    },
  };
}
