import type { TQuizLeaderRow } from '@playloop/shared';
import { useSession } from '../../auth/session-store';
import { useQuizText } from './quiz-text';

/** The live top ten; the reader's own row is marked in words as well as by its highlight. */
export function Leaderboard({ rows }: { rows: TQuizLeaderRow[] }) {
  const t = useQuizText();
  const session = useSession();
  const me = session.status === 'signed-in' ? session.user.id : null;
  return (
    <table className="quiz-board">
      <caption>{t('board.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('board.rank')}</th>
          <th scope="col">{t('board.player')}</th>
          <th scope="col" className="quiz-board__score">
            {t('board.score')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.userId} className={row.userId === me ? 'quiz-board__me' : undefined}>
            <td>{row.rank}</td>
            <td>
              {row.displayName}{' '}
              {row.userId === me && <span className="quiz-board__you">{t('board.you')}</span>}
            </td>
            <td className="quiz-board__score">{row.score.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
