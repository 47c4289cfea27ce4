import { useAdminText } from '../i18n/use-admin-text';
import { FieldShell } from '../ui/field-shell';
import { DraftField, type DraftProps } from './draft-field';
import { LandingPreview } from './landing-preview';

/** Landing copy beside its live preview. */
export function LandingSection(p: DraftProps) {
  const { at } = useAdminText();
  return (
    <fieldset className="admin-fieldset">
      <legend>{at('campaign.landing')}</legend>
      <div className="admin-landing">
        <div className="admin-landing__fields">
          <DraftField
            {...p}
            field="landingTitle"
            label={at('campaign.landingTitle')}
            hint={at('campaign.landingTitleHint')}
          />
          <FieldShell label={at('campaign.landingText')} error={p.errors.landingText}>
            {(aria) => (
              <textarea
                {...aria}
                className="field__input"
                rows={4}
                value={p.draft.landingText}
                onChange={(e) => p.set({ landingText: e.target.value })}
              />
            )}
          </FieldShell>
          <DraftField
            {...p}
            field="imageUrl"
            type="url"
            label={at('campaign.imageUrl')}
            placeholder="https://"
          />
          <FieldShell
            label={at('campaign.shareText')}
            hint={at('campaign.shareTextHint', { max: 280 })}
            error={p.errors.shareText}
          >
            {(aria) => (
              <textarea
                {...aria}
                className="field__input"
                rows={2}
                maxLength={400}
                value={p.draft.shareText}
                onChange={(e) => p.set({ shareText: e.target.value })}
              />
            )}
          </FieldShell>
        </div>
        <LandingPreview draft={p.draft} />
      </div>
    </fieldset>
  );
}
