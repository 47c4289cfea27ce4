import { useEffect, useState } from 'react';
import { isAnnouncedSecond, secondsLeft } from './server-clock';
import { useQuizText } from './quiz-text';

/**
 * Seconds left to a server deadline, as a number and a bar. Screen readers hear a few moments
 * (10, 5, 3 seconds left, time up) through a polite live region, not every tick.
 */
export function Countdown({
  until,
  serverNow,
  totalMs,
  label,
}: {
  until: number;
  serverNow: number;
  totalMs: number;
  label: string;
}) {
  const t = useQuizText();
  const seconds = secondsLeft(until, serverNow);
  const total = Math.max(1, Math.round(totalMs / 1000));
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (seconds === 0) setAnnouncement(t('q.timeUp'));
    else if (isAnnouncedSecond(seconds, total)) setAnnouncement(t('q.secondsLeft', { s: seconds }));
  }, [seconds, total, t]);
  const fraction = Math.min(1, Math.max(0, (until - serverNow) / totalMs));
  return (
    <div className={`quiz-timer${seconds <= 5 ? ' quiz-timer--urgent' : ''}`}>
      <p className="quiz-timer__value" role="timer" aria-live="off">
        <span className="visually-hidden">{label}: </span>
        {seconds}
      </p>
      <div className="quiz-timer__bar" aria-hidden="true">
        <span style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
