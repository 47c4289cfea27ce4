import type { InputHTMLAttributes } from 'react';
import { TextField } from '../../app/text-field';
import type { FieldErrors } from '../ui/field-errors';
import type { CampaignDraft } from './campaign-draft';

/** Keys of the draft that are plain text inputs. */
type TextKey = {
  [K in keyof CampaignDraft]: CampaignDraft[K] extends string ? K : never;
}[keyof CampaignDraft];

export interface DraftProps {
  draft: CampaignDraft;
  set: (patch: Partial<CampaignDraft>) => void;
  errors: FieldErrors;
}

interface DraftFieldProps
  extends DraftProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  field: TextKey;
  label: string;
  hint?: string;
  /** The contract's name for the field when it differs from the draft's (`holdSeconds` for `holdHours`). */
  errorPath?: string;
}

/** One input bound to a draft field, showing the server's error for it beside it. */
export function DraftField({
  draft,
  set,
  errors,
  field,
  label,
  hint,
  errorPath,
  ...input
}: DraftFieldProps) {
  return (
    <TextField
      label={label}
      hint={hint}
      error={errors[errorPath ?? field]}
      name={field}
      value={draft[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      {...input}
    />
  );
}

/** A whole-number input: numeric keyboard on phones, no browser-side refusal (the server explains). */
export function DraftNumber(props: DraftFieldProps) {
  return <DraftField type="number" inputMode="numeric" step="1" {...props} />;
}
