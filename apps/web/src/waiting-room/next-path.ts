/** Only paths of this app: `next` comes from the address bar, so it must not send anyone away. */
export function safeNext(next: string | null): string {
  return next &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\') &&
    !next.startsWith('/waiting-room')
    ? next
    : '/signup';
}
