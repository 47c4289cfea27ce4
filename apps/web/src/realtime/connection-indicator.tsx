import { useI18n } from '../i18n/i18n-context';
import { useRealtime } from './realtime-context';

const LABEL = {
  live: 'conn.live',
  connecting: 'conn.connecting',
  offline: 'conn.offline',
} as const;

/** Text plus colour (never colour alone), in a polite live region so changes are announced. */
export function ConnectionIndicator() {
  const { status } = useRealtime();
  const { t } = useI18n();
  return (
    <p className={`conn conn--${status}`} role="status">
      <span className="conn__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('conn.prefix')} </span>
      {t(LABEL[status])}
    </p>
  );
}
