import type { TQuizLobbyEvent } from '@playloop/shared';
import { secondsLeft } from './server-clock';
import { useQuizText } from './quiz-text';

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Waiting for the start: countdown and the live player count. */
export function LobbyScreen({ lobby, serverNow }: { lobby: TQuizLobbyEvent; serverNow: number }) {
  const t = useQuizText();
  const left = secondsLeft(lobby.startsAt, serverNow);
  return (
    <section className="quiz-card quiz-lobby" aria-labelledby="quiz-lobby-title">
      <h2 id="quiz-lobby-title">{t('lobby.title')}</h2>
      <p className="quiz-lobby__label">{t('lobby.startsIn')}</p>
      <p className="quiz-lobby__countdown" role="timer" aria-live="off">
        {clock(left)}
      </p>
      {/* Polite and atomic: the count is read when it changes, at most once a second. */}
      <p className="quiz-lobby__players" aria-live="polite" aria-atomic="true">
        {t('lobby.players', { count: lobby.playerCount })}
      </p>
      <p className="muted">{t('lobby.questions', { count: lobby.questionCount })}</p>
    </section>
  );
}
