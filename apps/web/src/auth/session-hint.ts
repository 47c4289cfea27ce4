const KEY = 'playloop.has-session';

/**
 * Whether this browser signed in before. Not a credential (just "1"): it spares anonymous visitors
 * a refresh request that can only fail, which matters when a launch sends everyone to the home page.
 */
export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(value: boolean): void {
  try {
    if (value) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: every load will try the refresh, which is still correct.
  }
}
