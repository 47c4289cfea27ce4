import { Link } from 'react-router';
import { useDocumentTitle } from '../i18n/use-document-title';
import { useAdminText } from './i18n/use-admin-text';

/** What a player (or a staff member outside their role) sees instead of a console page. */
export function NotAllowedPage({ isStaff }: { isStaff: boolean }) {
  const { at } = useAdminText();
  useDocumentTitle(at('notAllowed.title'));
  return (
    <div className="narrow admin-denied">
      <h1>{at('notAllowed.title')}</h1>
      <p>{isStaff ? at('notAllowed.section') : at('notAllowed.player')}</p>
      <p className="muted">{at('notAllowed.howTo')}</p>
      <p>
        <Link to={isStaff ? '/admin' : '/dashboard'}>
          {isStaff ? at('notAllowed.backConsole') : at('notAllowed.back')}
        </Link>
      </p>
    </div>
  );
}
