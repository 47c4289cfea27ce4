import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface ShareLinksProps {
  url: string;
  text: string;
  title: string;
}

const canShareNatively = () =>
  typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/**
 * The system share sheet where the browser has one (phones, mostly), and plain links to WhatsApp,
 * Telegram and email everywhere, which also work where the share sheet is missing or fails.
 */
export function ShareLinks({ url, text, title }: ShareLinksProps) {
  const { t } = useI18n();
  const [shareFailed, setShareFailed] = useState(false);
  const message = `${text} ${url}`;

  const share = async () => {
    try {
      await navigator.share({ title, text, url });
    } catch (err) {
      // Closing the sheet is a choice, not a failure; anything else points to the links below.
      if (!(err instanceof DOMException && err.name === 'AbortError')) setShareFailed(true);
    }
  };

  return (
    <div className="share-links">
      {canShareNatively() && (
        <button type="button" className="button button--secondary" onClick={share}>
          {t('invite.share')}
        </button>
      )}
      {shareFailed && (
        <p className="muted" role="status">
          {t('invite.shareFailed')}
        </p>
      )}
      <p className="share-links__label">{t('invite.shareVia')}</p>
      <ul className="share-links__list">
        <li>
          <a
            className="share-link share-link--whatsapp"
            href={`https://wa.me/?text=${encodeURIComponent(message)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            WhatsApp
            <span className="visually-hidden"> {t('invite.opensNewTab')}</span>
          </a>
        </li>
        <li>
          <a
            className="share-link share-link--telegram"
            href={`https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Telegram
            <span className="visually-hidden"> {t('invite.opensNewTab')}</span>
          </a>
        </li>
        <li>
          <a
            className="share-link share-link--email"
            href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${text}\n\n${url}`)}`}
          >
            {t('invite.email')}
          </a>
        </li>
      </ul>
    </div>
  );
}
