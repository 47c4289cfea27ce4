import { useState, type FormEvent } from 'react';
import { TextField } from '../../app/text-field';
import { fromLocalInput, toLocalInput } from '../campaigns/campaign-draft';
import { useAdminText } from '../i18n/use-admin-text';
import type { DashboardRange } from './use-live-dashboard';

export type Preset = '24h' | '7d' | '30d' | '90d';
const HOURS: Record<Preset, number> = { '24h': 24, '7d': 168, '30d': 720, '90d': 2160 };

/** A preset's range, starting now − its length and running up to now. */
export const rangeFor = (preset: Preset, now = Date.now()): DashboardRange => ({
  from: new Date(now - HOURS[preset] * 3_600_000).toISOString(),
});

/** Presets for the usual questions, and a custom from–to for the rest. */
export function RangePicker({
  range,
  onChange,
}: {
  range: DashboardRange;
  onChange: (r: DashboardRange, preset: Preset | null) => void;
}) {
  const { at } = useAdminText();
  const [active, setActive] = useState<Preset | null>('30d');
  const [custom, setCustom] = useState({
    from: toLocalInput(range.from),
    to: toLocalInput(range.to ?? new Date().toISOString()),
  });
  const [customError, setCustomError] = useState<string | null>(null);
  const pick = (p: Preset) => {
    setActive(p);
    onChange(rangeFor(p), p);
  };
  const applyCustom = (e: FormEvent) => {
    e.preventDefault();
    const from = fromLocalInput(custom.from);
    const to = fromLocalInput(custom.to);
    if (
      Number.isNaN(Date.parse(from)) ||
      Number.isNaN(Date.parse(to)) ||
      Date.parse(to) <= Date.parse(from)
    ) {
      setCustomError(at('range.invalid'));
      return;
    }
    setCustomError(null);
    setActive(null);
    onChange({ from, to }, null);
  };
  return (
    <div className="admin-range">
      <div className="lang-switch" role="group" aria-label={at('range.label')}>
        {(Object.keys(HOURS) as Preset[]).map((p) => (
          <button
            key={p}
            type="button"
            className="lang-switch__option"
            aria-pressed={active === p}
            onClick={() => pick(p)}
          >
            {at(`range.${p}`)}
          </button>
        ))}
      </div>
      <form className="admin-range__custom" noValidate onSubmit={applyCustom}>
        <TextField
          label={at('range.from')}
          type="datetime-local"
          value={custom.from}
          onChange={(e) => setCustom({ ...custom, from: e.target.value })}
        />
        <TextField
          label={at('range.to')}
          type="datetime-local"
          value={custom.to}
          error={customError ?? undefined}
          onChange={(e) => setCustom({ ...custom, to: e.target.value })}
        />
        <button
          type="submit"
          className="button button--secondary button--small"
          aria-pressed={active === null}
        >
          {at('range.apply')}
        </button>
      </form>
    </div>
  );
}
