import type { TPublicWheelSegment } from '@playloop/shared';
import { useI18n } from '../../i18n/i18n-context';

/** The published weights as chances, with stock: what the draw uses, in plain numbers. */
export function OddsTable({ segments }: { segments: TPublicWheelSegment[] }) {
  const { t, locale } = useI18n();
  const total = segments.reduce((sum, s) => sum + s.weight, 0);
  const percent = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 2,
  });
  return (
    <details className="card odds">
      <summary className="card__title">{t('wheel.odds.title')}</summary>
      <table className="odds__table">
        <caption className="visually-hidden">{t('wheel.odds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wheel.odds.segment')}</th>
            <th scope="col">{t('wheel.odds.weight')}</th>
            <th scope="col">{t('wheel.odds.chance')}</th>
            <th scope="col">{t('wheel.odds.stock')}</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s, i) => (
            <tr key={i}>
              <th scope="row">
                <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />{' '}
                {s.label}
                {s.isFallback && <span className="badge">{t('wheel.odds.fallback')}</span>}
              </th>
              <td>{s.weight}</td>
              <td>{percent.format(s.weight / total)}</td>
              <td>
                {s.stockLeft === null
                  ? t('wheel.odds.unlimited')
                  : s.stockLeft === 0
                    ? t('wheel.soldOut')
                    : s.stockLeft}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('wheel.odds.fallbackNote')}</p>
    </details>
  );
}
