import type { TFlaggedReferral } from '@playloop/shared';
import { useAdminText } from '../i18n/use-admin-text';

/** One flagged referral with the evidence behind its score: which rules fired and who it links to. */
export function FlaggedItem({
  referral: r,
  selected,
  onToggle,
}: {
  referral: TFlaggedReferral;
  selected: boolean;
  onToggle: () => void;
}) {
  const { at, formatDate } = useAdminText();
  const checkboxId = `pick-${r.id}`;
  return (
    <li className={`admin-flagged${selected ? ' admin-flagged--selected' : ''}`}>
      <div className="admin-flagged__head">
        <input id={checkboxId} type="checkbox" checked={selected} onChange={onToggle} />
        <label htmlFor={checkboxId} className="admin-flagged__who">
          {at('review.who', { referrer: r.referrerName, referee: r.refereeName })}
        </label>
        <span
          className="admin-flagged__score"
          aria-label={at('review.scoreLabel', { score: r.fraudScore })}
        >
          {r.fraudScore}
        </span>
      </div>
      <p className="muted admin-flagged__meta">
        {r.refereeEmail} · {at('review.attributed', { at: formatDate(r.attributedAt) })} ·{' '}
        {at(`referralStatus.${r.status}`)}
      </p>
      <table className="admin-table admin-table--compact">
        <caption className="visually-hidden">{at('review.evidence')}</caption>
        <thead>
          <tr>
            <th scope="col">{at('review.rule')}</th>
            <th scope="col" className="num">
              {at('review.score')}
            </th>
            <th scope="col">{at('review.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {r.evidence.map((e, i) => (
            <tr key={`${e.rule}-${i}`}>
              <th scope="row">{e.rule}</th>
              <td className="num">{e.score}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.linkedAccounts.length > 0 && (
        <details className="admin-flagged__linked">
          <summary>{at('review.linked', { n: r.linkedAccounts.length })}</summary>
          <ul>
            {r.linkedAccounts.map((a) => (
              <li key={`${a.userId}-${a.via}`}>
                {a.displayName} ({a.email}) — {at('review.via', { via: a.via })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
