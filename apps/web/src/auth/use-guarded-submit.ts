import { useRef, useState } from 'react';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { useCountdown } from './use-countdown';

/** Without a `Retry-After`, wait this long after a 429 anyway rather than invite a retry loop. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

/**
 * One submission at a time, and none while the server has asked us to wait (429/503 with
 * `Retry-After`): the button stays off for the wait, so nobody re-submits a form in a loop.
 * Failures become a closed code (not a sentence), so switching language re-translates them.
 */
export function useGuardedSubmit() {
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState(0);
  // State updates land on the next render; the ref closes the gap for a fast double submit.
  const inFlight = useRef(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);

  /** Runs `action` unless one is running or a wait is on; an `ApiError` lands in `formError`. */
  async function submit(action: () => Promise<void>): Promise<void> {
    if (inFlight.current || secondsLeft > 0) return;
    setFormError(null);
    inFlight.current = true;
    setIsSubmitting(true);
    try {
      await action();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'RATE_LIMITED' || err.retryAfterMs !== null) {
        const waitMs = err.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
        setRetryAt(Date.now() + waitMs);
        setWaitSeconds(Math.ceil(waitMs / 1000));
      }
      setFormError(err.code);
    } finally {
      inFlight.current = false;
      setIsSubmitting(false);
    }
  }

  return {
    submit,
    formError,
    setFormError,
    isSubmitting,
    /** Seconds left of the wait the server asked for, ticking; 0 when none. */
    secondsLeft,
    /** The whole wait as first announced (fixed text, so screen readers say it once). */
    waitSeconds,
    isWaiting: secondsLeft > 0,
  };
}
