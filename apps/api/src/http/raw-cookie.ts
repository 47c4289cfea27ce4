import type { Request } from 'express';

/**
 * A cookie's raw value: from cookie-parser when it ran, else straight from the header (the routes
 * mounted in front of the parsers, the invite link and the session resume, read it themselves).
 */
export function rawCookie(req: Request, name: string): string | undefined {
  const parsed = (req.cookies as Record<string, unknown> | undefined)?.[name];
  if (typeof parsed === 'string') return parsed;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
