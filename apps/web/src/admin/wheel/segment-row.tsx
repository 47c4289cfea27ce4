import { useId } from 'react';
import { TextField } from '../../app/text-field';
import { useAdminText } from '../i18n/use-admin-text';
import type { FieldErrors } from '../ui/field-errors';
import { FieldShell } from '../ui/field-shell';
import type { PrizeKind, SegmentDraft } from './wheel-draft';

interface SegmentRowProps {
  index: number;
  segment: SegmentDraft;
  probability: number;
  isFallback: boolean;
  errors: FieldErrors;
  /** An issue with the segment as a whole (a fallback that pays something). */
  rowError: string | undefined;
  canRemove: boolean;
  onChange: (patch: Partial<SegmentDraft>) => void;
  onFallback: () => void;
  onRemove: () => void;
}

/** One segment: what it says, how likely it is, what it pays and how many are left. */
export function SegmentRow(p: SegmentRowProps) {
  const { at } = useAdminText();
  const { segment: s, errors } = p;
  const n = p.index + 1;
  const rowError = p.rowError;
  const rowErrorId = `${useId()}-error`;
  const amountError = errors['prize.amount'] ?? errors.prize;
  return (
    <div
      className={`admin-segment${rowError ? ' admin-segment--invalid' : ''}`}
      role="group"
      aria-label={at('wheel.segmentN', { n })}
    >
      <div className="admin-segment__swatch" style={{ background: s.colour }} aria-hidden="true" />
      <TextField
        label={at('wheel.label')}
        value={s.label}
        error={errors.label}
        onChange={(e) => p.onChange({ label: e.target.value })}
      />
      <TextField
        label={at('wheel.weight')}
        type="number"
        inputMode="numeric"
        value={s.weight}
        error={errors.weight}
        hint={at('wheel.chance', { pct: (p.probability * 100).toFixed(1) })}
        onChange={(e) => p.onChange({ weight: e.target.value })}
      />
      <FieldShell label={at('wheel.colour')} error={errors.colour}>
        {(aria) => (
          <input
            {...aria}
            type="color"
            className="admin-colour"
            value={s.colour}
            onChange={(e) => p.onChange({ colour: e.target.value })}
          />
        )}
      </FieldShell>
      <FieldShell label={at('wheel.prize')} error={errors['prize.kind']}>
        {(aria) => (
          <select
            {...aria}
            className="field__input"
            value={s.prizeKind}
            onChange={(e) => p.onChange({ prizeKind: e.target.value as PrizeKind })}
          >
            <option value="points">{at('wheel.prize.points')}</option>
            <option value="spins">{at('wheel.prize.spins')}</option>
            <option value="none">{at('wheel.prize.none')}</option>
          </select>
        )}
      </FieldShell>
      {s.prizeKind !== 'none' && (
        <TextField
          label={at('wheel.amount')}
          type="number"
          inputMode="numeric"
          value={s.amount}
          error={amountError}
          onChange={(e) => p.onChange({ amount: e.target.value })}
        />
      )}
      <TextField
        label={at('wheel.stock')}
        type="number"
        inputMode="numeric"
        value={s.stock}
        error={errors.stock}
        hint={at('common.blankUnlimited')}
        onChange={(e) => p.onChange({ stock: e.target.value })}
      />
      <label className="admin-segment__fallback">
        <input
          type="radio"
          name="wheel-fallback"
          checked={p.isFallback}
          onChange={p.onFallback}
          aria-invalid={rowError ? true : undefined}
          aria-describedby={rowError ? rowErrorId : undefined}
        />{' '}
        {at('wheel.fallback')}
      </label>
      {p.canRemove && (
        <button type="button" className="button button--ghost button--small" onClick={p.onRemove}>
          {at('wheel.remove', { n })}
        </button>
      )}
      {rowError && (
        <p id={rowErrorId} className="field__error admin-segment__error">
          <span aria-hidden="true">⚠ </span>
          {rowError}
        </p>
      )}
    </div>
  );
}
