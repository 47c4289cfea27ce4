import { useState } from 'react';
import { useAdminText } from '../i18n/use-admin-text';
import type { CampaignDraft } from './campaign-draft';

const isHttpUrl = (s: string) => /^https?:\/\/\S+$/i.test(s.trim());

/**
 * The invite landing as a friend will see it, redrawn on every keystroke. Variant copy replaces
 * the campaign's where the variant sets it, as the landing does for visitors assigned to it.
 */
export function LandingPreview({ draft }: { draft: CampaignDraft }) {
  const { at } = useAdminText();
  const [variantName, setVariantName] = useState<string | null>(null);
  const variant = draft.variants.find((v) => v.name === variantName) ?? null;
  const title =
    variant?.landingTitle || draft.landingTitle || draft.title || at('preview.untitled');
  const text = variant?.landingText || draft.landingText || draft.description;
  const referrer = at('preview.referrer');
  const named = draft.variants.filter((v) => v.name.trim() !== '');
  return (
    <section className="landing-preview" aria-labelledby="landing-preview-title">
      <h3 id="landing-preview-title" className="landing-preview__heading">
        {at('preview.title')}
      </h3>
      {named.length > 0 && (
        <div
          className="landing-preview__variants"
          role="group"
          aria-label={at('preview.showVariant')}
        >
          {[null, ...named.map((v) => v.name)].map((name) => (
            <button
              key={name ?? '(base)'}
              type="button"
              className="lang-switch__option"
              aria-pressed={variantName === name}
              onClick={() => setVariantName(name)}
            >
              {name ?? at('preview.base')}
            </button>
          ))}
        </div>
      )}
      <div className="landing-preview__frame" data-testid="landing-preview">
        <p className="landing-preview__eyebrow">{at('preview.invitedYou', { name: referrer })}</p>
        {isHttpUrl(draft.imageUrl) && (
          <img className="landing-preview__image" src={draft.imageUrl.trim()} alt="" />
        )}
        <p className="landing-preview__title">{title}</p>
        {text && <p className="landing-preview__text">{text}</p>}
        <p className="landing-preview__rewards">
          {at('preview.rewards', {
            you: draft.refereeRewardPoints || '0',
            name: referrer,
            them: draft.referrerRewardPoints || '0',
          })}
        </p>
        <span className="button button--primary landing-preview__cta">{at('preview.cta')}</span>
      </div>
      <p className="landing-preview__share-label">{at('preview.share')}</p>
      <p className="landing-preview__share">
        {draft.shareText || at('preview.shareEmpty')}{' '}
        <span className="landing-preview__link">{`${window.location.origin}/r/…`}</span>
      </p>
    </section>
  );
}
