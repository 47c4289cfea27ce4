import { randomBytes } from 'node:crypto';

/** A person who has never been here: unique email, a name to look for on screen, a long password. */
export function newPerson(name = 'Giulia') {
  const id = randomBytes(4).toString('hex');
  return {
    email: `e2e-${id}@example.com`,
    displayName: `${name} ${id.slice(0, 4)}`,
    password: `correct horse ${id} battery`,
  };
}
