import type { TQualifyingAction } from '@playloop/shared';
import { useAdminText } from '../i18n/use-admin-text';
import { FieldShell } from '../ui/field-shell';
import { DraftField, DraftNumber, type DraftProps } from './draft-field';

const ACTIONS: readonly TQualifyingAction[] = ['signup', 'email_verified', 'first_game', 'custom'];

export function BasicsSection(p: DraftProps) {
  const { at } = useAdminText();
  return (
    <fieldset className="admin-fieldset">
      <legend>{at('campaign.basics')}</legend>
      <DraftField {...p} field="title" label={at('campaign.title')} required />
      <DraftField
        {...p}
        field="slug"
        label={at('campaign.slug')}
        hint={at('campaign.slugHint')}
        autoComplete="off"
      />
      <FieldShell label={at('campaign.description')} error={p.errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            className="field__input"
            rows={3}
            value={p.draft.description}
            onChange={(e) => p.set({ description: e.target.value })}
          />
        )}
      </FieldShell>
      <div className="admin-grid-2">
        <DraftField {...p} field="startsAt" type="datetime-local" label={at('campaign.startsAt')} />
        <DraftField
          {...p}
          field="endsAt"
          type="datetime-local"
          label={at('campaign.endsAt')}
          hint={at('campaign.endsAtHint')}
        />
      </div>
    </fieldset>
  );
}

export function RulesSection(p: DraftProps) {
  const { at } = useAdminText();
  return (
    <fieldset className="admin-fieldset">
      <legend>{at('campaign.rules')}</legend>
      <FieldShell
        label={at('campaign.qualifyingAction')}
        hint={at('campaign.qualifyingActionHint')}
        error={p.errors.qualifyingAction}
      >
        {(aria) => (
          <select
            {...aria}
            className="field__input"
            value={p.draft.qualifyingAction}
            onChange={(e) => p.set({ qualifyingAction: e.target.value as TQualifyingAction })}
          >
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {at(`action.${a}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <div className="admin-grid-3">
        <DraftNumber {...p} field="referrerRewardPoints" label={at('campaign.referrerPoints')} />
        <DraftNumber {...p} field="refereeRewardPoints" label={at('campaign.refereePoints')} />
        <DraftNumber {...p} field="referrerRewardSpins" label={at('campaign.referrerSpins')} />
        <DraftNumber
          {...p}
          field="referrerDailyCap"
          label={at('campaign.dailyCap')}
          hint={at('common.blankUnlimited')}
        />
        <DraftNumber
          {...p}
          field="referrerLifetimeCap"
          label={at('campaign.lifetimeCap')}
          hint={at('common.blankUnlimited')}
        />
        <DraftField
          {...p}
          field="holdHours"
          type="number"
          inputMode="decimal"
          step="any"
          errorPath="holdSeconds"
          label={at('campaign.holdHours')}
          hint={at('campaign.holdHint')}
        />
        <DraftNumber {...p} field="attributionWindowDays" label={at('campaign.attributionDays')} />
        <DraftNumber
          {...p}
          field="fraudThreshold"
          label={at('campaign.fraudThreshold')}
          hint={at('campaign.fraudHint')}
        />
      </div>
    </fieldset>
  );
}

export function BudgetSection(p: DraftProps & { isNew: boolean }) {
  const { at } = useAdminText();
  return (
    <fieldset className="admin-fieldset">
      <legend>{at('campaign.budget')}</legend>
      <div className="admin-grid-2">
        <DraftNumber
          {...p}
          field="budgetPoints"
          label={p.isNew ? at('campaign.budgetPoints') : at('campaign.budgetRemaining')}
          hint={at('campaign.budgetHint')}
        />
        <DraftNumber
          {...p}
          field="dailyBudgetPoints"
          label={at('campaign.dailyBudget')}
          hint={at('campaign.pacingHint')}
        />
      </div>
    </fieldset>
  );
}
