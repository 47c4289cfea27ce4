import type { Role } from '@playloop/shared';

/** The console's sections; each is a top-level path under /admin. */
export type Section = 'campaigns' | 'dashboard' | 'review' | 'payouts' | 'users' | 'audit';

/**
 * What each role sees in the console. The api enforces the same rules on every call (and audits
 * refusals); this only keeps the navigation to what the reader can use.
 */
const SECTIONS: Record<Role, readonly Section[]> = {
  player: [],
  marketing: ['campaigns', 'dashboard'],
  support: ['review', 'payouts'],
  admin: ['campaigns', 'dashboard', 'review', 'payouts', 'users', 'audit'],
};

export function sectionsFor(role: Role): readonly Section[] {
  return SECTIONS[role];
}

export function canOpen(role: Role, section: Section): boolean {
  return SECTIONS[role].includes(section);
}

export const isStaff = (role: Role): boolean => SECTIONS[role].length > 0;
