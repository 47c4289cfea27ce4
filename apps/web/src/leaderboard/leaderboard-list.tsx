import type { TLeaderboard } from '@playloop/shared';
import { useI18n } from '../i18n/i18n-context';

/**
 * Ranked players with the reader's own row marked (in words, not colour alone), and their own
 * rank underneath, which matters most when it is below the rows shown.
 */
export function LeaderboardList({
  board,
  limit,
  labelledBy,
}: {
  board: TLeaderboard;
  limit: number;
  labelledBy: string;
}) {
  const { t } = useI18n();
  const rows = board.top.slice(0, limit);
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">{t('leaderboard.empty')}</p>
      ) : (
        <ol className="leaderboard" aria-labelledby={labelledBy}>
          {rows.map((row) => (
            <li
              key={`${row.rank}:${row.displayName}`}
              className={`leaderboard__row${row.isMe ? ' leaderboard__row--me' : ''}`}
            >
              <span className="leaderboard__rank" aria-hidden="true">
                {row.rank}
              </span>
              <span className="leaderboard__name">
                <span className="visually-hidden">
                  {t('leaderboard.rankLabel', { rank: row.rank })}{' '}
                </span>
                {row.displayName}
                {row.isMe && <span className="leaderboard__you"> {t('leaderboard.you')}</span>}
              </span>
              <span className="leaderboard__score">
                {t('leaderboard.score', { count: row.score })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {(board.me || rows.length > 0) && (
        <p className="leaderboard__me" data-testid="leaderboard-me">
          {board.me
            ? t('leaderboard.myRank', { rank: board.me.rank, count: board.me.score })
            : t('leaderboard.notRanked')}
        </p>
      )}
    </>
  );
}
