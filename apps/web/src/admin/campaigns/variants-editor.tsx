import { TextField } from '../../app/text-field';
import { useAdminText } from '../i18n/use-admin-text';
import { errorsUnder } from '../ui/field-errors';
import type { VariantDraft } from './campaign-draft';
import type { DraftProps } from './draft-field';

const MAX_VARIANTS = 4;

/** A/B variants of the landing copy; weights are the share of visitors each one gets. */
export function VariantsEditor({ draft, set, errors }: DraftProps) {
  const { at } = useAdminText();
  const variants = draft.variants;
  const total = variants.reduce((s, v) => s + (Number(v.weight) || 0), 0);
  const update = (i: number, patch: Partial<VariantDraft>) =>
    set({ variants: variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const groupError = errors.variants;
  return (
    <fieldset
      className={`admin-fieldset${groupError ? ' field--invalid' : ''}`}
      aria-describedby={groupError ? 'variants-error' : 'variants-hint'}
    >
      <legend>{at('campaign.variants')}</legend>
      <p id="variants-hint" className="field__hint">
        {at('campaign.variantsHint')}{' '}
        {variants.length > 0 && at('campaign.variantsTotal', { total })}
      </p>
      {groupError && (
        <p id="variants-error" className="field__error">
          <span aria-hidden="true">⚠ </span>
          {groupError}
        </p>
      )}
      {variants.map((v, i) => {
        const rowErrors = errorsUnder(errors, `variants.${i}`);
        return (
          <div
            key={i}
            className="admin-variant"
            role="group"
            aria-label={at('campaign.variantN', { n: i + 1 })}
          >
            <TextField
              label={at('campaign.variantName')}
              value={v.name}
              error={rowErrors.name}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <TextField
              label={at('campaign.variantWeight')}
              type="number"
              inputMode="numeric"
              value={v.weight}
              error={rowErrors.weight}
              onChange={(e) => update(i, { weight: e.target.value })}
            />
            <TextField
              label={at('campaign.landingTitle')}
              value={v.landingTitle}
              error={rowErrors.landingTitle}
              onChange={(e) => update(i, { landingTitle: e.target.value })}
            />
            <TextField
              label={at('campaign.landingText')}
              value={v.landingText}
              error={rowErrors.landingText}
              onChange={(e) => update(i, { landingText: e.target.value })}
            />
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => set({ variants: variants.filter((_, j) => j !== i) })}
            >
              {at('campaign.removeVariant', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      {variants.length < MAX_VARIANTS && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            set({
              variants: [
                ...variants,
                {
                  name: String.fromCharCode(65 + variants.length),
                  weight: '',
                  landingTitle: '',
                  landingText: '',
                },
              ],
            })
          }
        >
          {at('campaign.addVariant')}
        </button>
      )}
    </fieldset>
  );
}
