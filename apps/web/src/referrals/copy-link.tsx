import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

type CopyState = 'idle' | 'copied' | 'manual';

// How long "Copied" stays; the status is announced as soon as it appears.
const COPIED_MS = 4_000;

/**
 * The link in a read-only field with a copy button. The Clipboard API needs a secure context and
 * may be refused; then the link is selected so the reader can copy it with the keyboard.
 */
export function CopyLink({ url }: { url: string }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setState('manual');
    }
  };

  return (
    <div className="copy-link">
      <label className="field__label" htmlFor={id}>
        {t('invite.linkLabel')}
      </label>
      <div className="copy-link__row">
        <input
          ref={input}
          id={id}
          className="field__input copy-link__input"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--primary" onClick={copy}>
          {t('invite.copy')}
        </button>
      </div>
      <p className="copy-link__status" role="status">
        {state === 'copied' && (
          <span className="copy-link__copied">
            <span aria-hidden="true">✓ </span>
            {t('invite.copied')}
          </span>
        )}
        {state === 'manual' && t('invite.copyManual')}
      </p>
    </div>
  );
}
