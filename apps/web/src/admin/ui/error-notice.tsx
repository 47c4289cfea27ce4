import type { ClientErrorCode } from '../../api/api-error';
import { useAdminText } from '../i18n/use-admin-text';

/** A failed load or action, in words, with a retry when one makes sense. */
export function ErrorNotice({ code, onRetry }: { code: ClientErrorCode; onRetry?: () => void }) {
  const { errorMessage, at } = useAdminText();
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorMessage(code)}</p>
      {onRetry && (
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onRetry}
          >
            {at('common.retry')}
          </button>
        </p>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useAdminText();
  return (
    <p className="page-loading" role="status">
      {t('app.loading')}
    </p>
  );
}
