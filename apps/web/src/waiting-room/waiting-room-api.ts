import { routes, type TWaitingRoomStatus } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';

const VISITOR_KEY = 'playloop.visitor';

/**
 * This browser's visitor id. localStorage is shared by every tab at once (a cookie arrives only
 * with the first answer), so a hundred tabs opened together still ask for one place.
 */
export function visitorId(): string | undefined {
  try {
    let id = localStorage.getItem(VISITOR_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      id = `v${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
      localStorage.setItem(VISITOR_KEY, id);
    }
    return id;
  } catch {
    // Storage disabled: the server makes an id and the ticket cookie carries it.
    return undefined;
  }
}

export function joinWaitingRoom(): Promise<TWaitingRoomStatus> {
  const id = visitorId();
  return apiFetch(routes.waitingRoomJoin, { body: id ? { visitorId: id } : {} });
}

export function waitingRoomStatus(): Promise<TWaitingRoomStatus> {
  return apiFetch(routes.waitingRoomStatus);
}
