import type { Request } from 'express';

/** The signed queue ticket: which visitor holds a place. */
export const TICKET_COOKIE = 'pl_wrt';
/** The signed admission: this browser's turn came. */
export const ADMISSION_COOKIE = 'pl_adm';

export function readCookie(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length <= 1024 ? value : undefined;
}
