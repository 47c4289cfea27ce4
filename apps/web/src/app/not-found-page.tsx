import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="narrow">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
