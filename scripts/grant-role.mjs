#!/usr/bin/env node
// `npm run grant-role -- <email> <player|marketing|support|admin>`: set an account's role.
// Uses DATABASE_URL, else finds the same Postgres `npm start` uses (starting the private one
// for the duration if it is not running).
import {
  createShutdown,
  DATA_DIR,
  ensureDependencies,
  loadDotEnv,
  main,
  UserError,
} from './lib/common.mjs';
import { ensurePostgres } from './lib/services.mjs';

const ROLES = ['player', 'marketing', 'support', 'admin'];
const USAGE = `usage: npm run grant-role -- <email> <${ROLES.join('|')}>`;

const shutdown = createShutdown({ quiet: true });

await main(shutdown, async () => {
  const { email, role } = parseArgs(process.argv.slice(2));
  loadDotEnv();
  await ensureDependencies();
  const postgres = await ensurePostgres({ dataDir: DATA_DIR });
  shutdown.add(postgres.stop);
  const url = postgres.managed ? postgres.urlFor('playloop') : postgres.adminUrl;

  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((err) => {
    if (err.code === '3D000')
      throw new UserError(
        'There is no playloop database yet: run `npm start` (or `npm run migrate`) first',
      );
    throw err;
  });
  try {
    const result = await setRole(client, email, role);
    if (!result)
      throw new UserError(`No account with email ${email}: sign up first, then run this again`);
    console.log(
      result.previous === role
        ? `${result.email} (${result.id}) already has role ${role}`
        : `${result.email} (${result.id}): ${result.previous} → ${role}. It applies from their next sign-in or token refresh.`,
    );
  } finally {
    await client.end();
  }
  return 0;
});

function parseArgs(args) {
  if (args.length !== 2) throw new UserError(USAGE, 2);
  const [rawEmail, role] = args;
  const email = rawEmail.trim().toLowerCase(); // users.email is stored lower-cased
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new UserError(`"${rawEmail}" is not an email address; ${USAGE}`, 2);
  if (!ROLES.includes(role)) throw new UserError(`"${role}" is not a role; ${USAGE}`, 2);
  return { email, role };
}

/** Returns the account with its role before the change, or undefined when no such email. */
async function setRole(client, email, role) {
  const { rows } = await client.query(
    `with before as (select id, role from public.users where email = $1 for update)
     update public.users u set role = $2, updated_at = now()
       from before where u.id = before.id
     returning u.id, u.email, before.role as previous`,
    [email, role],
  );
  return rows[0];
}
