import {
  drawDigestHex,
  hashServerSeed,
  WHEEL_DRAW_ALGORITHM,
  type TWheelSpinRecord,
} from '@playloop/shared';
import { useI18n } from '../../i18n/i18n-context';

/** Every intermediate value of the draw, so a reader can follow (or redo) it by hand. */
export function VerifySteps(props: {
  record: TWheelSpinRecord;
  serverSeed: string;
  computedIndex: number | null;
}) {
  const { t } = useI18n();
  const { record, serverSeed, computedIndex } = props;
  const hash = hashServerSeed(serverSeed);
  const digest = drawDigestHex(serverSeed, record.clientSeed, record.nonce);
  const bits = BigInt(`0x${digest.slice(0, 13)}`); // 13 hex digits = the first 52 bits
  const total = record.segments.reduce((sum, s) => sum + s.weight, 0);
  const target = (bits * BigInt(total)) >> 52n;
  let cumulative = 0;
  const label = (i: number | null) => (i === null ? '—' : (record.segments[i]?.label ?? '?'));

  return (
    <section className="card verify-steps" aria-labelledby="steps-title">
      <h2 id="steps-title" className="card__title">
        {t('verify.stepsTitle')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('verify.serverSeed')}</dt>
          <dd className="mono">{serverSeed}</dd>
        </div>
        <div>
          <dt>{t('wheel.seed.clientSeed')}</dt>
          <dd className="mono">{record.clientSeed}</dd>
        </div>
        <div>
          <dt>{t('verify.nonceAndVersion')}</dt>
          <dd>
            {record.nonce} · v{record.wheelVersion}
          </dd>
        </div>
      </dl>
      <ol className="verify-steps__list">
        <li>
          <p>{t('verify.step.hash')}</p>
          <p className="mono">{hash}</p>
          <p className={hash === record.serverSeedHash ? 'verify-ok' : 'verify-bad'}>
            {hash === record.serverSeedHash
              ? t('verify.hashMatches')
              : t('verify.hashDiffers', { committed: record.serverSeedHash })}
          </p>
        </li>
        <li>
          <p>{t('verify.step.hmac', { message: `${record.clientSeed}:${record.nonce}` })}</p>
          <p className="mono">{digest}</p>
        </li>
        <li>
          <p>{t('verify.step.bits', { total })}</p>
          <p className="mono">
            0x{digest.slice(0, 13)} × {total} ÷ 2⁵² → {target.toString()}
          </p>
        </li>
        <li>
          <p>{t('verify.step.pick')}</p>
          <table className="odds__table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('wheel.odds.segment')}</th>
                <th scope="col">{t('verify.range')}</th>
              </tr>
            </thead>
            <tbody>
              {record.segments.map((s, i) => {
                const from = cumulative;
                cumulative += s.weight;
                return (
                  <tr key={i} className={i === computedIndex ? 'verify-steps__hit' : undefined}>
                    <td>{i}</td>
                    <th scope="row">{s.label}</th>
                    <td>
                      {from} – {cumulative - 1}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </li>
      </ol>
      <dl className="facts">
        <div>
          <dt>{t('verify.computed')}</dt>
          <dd>{label(computedIndex)}</dd>
        </div>
        <div>
          <dt>{t('verify.recorded')}</dt>
          <dd>{label(record.drawnIndex)}</dd>
        </div>
        <div>
          <dt>{t('verify.awarded')}</dt>
          <dd>{label(record.awardedIndex)}</dd>
        </div>
      </dl>
      {record.fallbackReason && (
        <p className="notice notice--info">
          {t(
            record.fallbackReason === 'out_of_stock'
              ? 'verify.fallbackOutOfStock'
              : 'verify.fallbackOverBudget',
            {
              drawn: label(record.drawnIndex),
              awarded: label(record.awardedIndex),
            },
          )}
        </p>
      )}
      <p className="muted">{t('verify.algorithm', { name: WHEEL_DRAW_ALGORITHM })}</p>
    </section>
  );
}
