export interface Bar {
  label: string;
  value: number;
  /** What to print; the value itself when absent. */
  display?: string;
  /** A note after the figure (a conversion rate). */
  note?: string;
}

/**
 * Horizontal bars as a real table (label, figure, note) with the bar drawn in inline SVG beside
 * each figure: readable by screen readers and in print, no chart library, nothing from a CDN.
 */
export function BarList({
  bars,
  caption,
  max,
  testId,
}: {
  bars: Bar[];
  caption: string;
  max?: number;
  testId?: string;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  return (
    <table className="bar-list" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {bars.map((b) => (
          <tr key={b.label}>
            <th scope="row" className="bar-list__label">
              {b.label}
            </th>
            <td className="bar-list__bar" aria-hidden="true">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                <rect x="0" y="0" width="100" height="10" rx="2" className="bar-list__track" />
                <rect
                  x="0"
                  y="0"
                  width={Math.max(0, (b.value / top) * 100)}
                  height="10"
                  rx="2"
                  className="bar-list__fill"
                />
              </svg>
            </td>
            <td className="bar-list__value num">{b.display ?? b.value}</td>
            {bars.some((x) => x.note) && <td className="bar-list__note">{b.note ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
