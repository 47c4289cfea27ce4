import type { Ref } from 'react';
import type { TPublicWheelSegment } from '@playloop/shared';
import { polar, textColourOn } from './wheel-geometry';

const R = 96; // wheel radius in the 240 × 240 viewBox centred on 0,0
const LABEL_FIT = 13; // labels longer than this are squeezed to fit their slice

function slicePath(i: number, count: number): string {
  const size = 360 / count;
  const [x0, y0] = polar(i * size, R);
  const [x1, y1] = polar((i + 1) * size, R);
  return `M 0 0 L ${x0.toFixed(3)} ${y0.toFixed(3)} A ${R} ${R} 0 ${size > 180 ? 1 : 0} 1 ${x1.toFixed(3)} ${y1.toFixed(3)} Z`;
}

/**
 * The wheel as SVG. The slices group turns (its transform is written by `useSpinAnimation`); the
 * pointer at 12 o'clock stays. Screen readers get the segment list from the page, not from here.
 */
export function WheelSvg(props: {
  segments: TPublicWheelSegment[];
  wheelRef: Ref<SVGGElement>;
  pointerRef: Ref<SVGGElement>;
  highlight: number | null;
  soldOutLabel: string;
}) {
  const { segments, highlight } = props;
  const count = segments.length;
  const size = 360 / count;
  return (
    <svg className="wheel" viewBox="-120 -120 240 240" aria-hidden="true" focusable="false">
      <circle r={R + 8} className="wheel__rim" />
      <g ref={props.wheelRef}>
        {segments.map((s, i) => {
          const ink = textColourOn(s.colour);
          const soldOut = s.stockLeft === 0;
          return (
            <g
              key={i}
              className={highlight === i ? 'wheel__slice wheel__slice--won' : 'wheel__slice'}
            >
              <path
                d={slicePath(i, count)}
                fill={s.colour}
                stroke="#ffffff"
                strokeWidth="1.2"
                opacity={soldOut ? 0.45 : 1}
              />
              <g transform={`rotate(${(i + 0.5) * size - 90})`}>
                <text
                  x={R - 8}
                  y={soldOut ? -2 : 0}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fill={ink}
                  fontSize={count > 10 ? 7 : 8.5}
                  fontWeight={700}
                  {...(s.label.length > LABEL_FIT
                    ? { textLength: 62, lengthAdjust: 'spacingAndGlyphs' }
                    : {})}
                >
                  {s.label}
                </text>
                {soldOut && (
                  <text
                    x={R - 8}
                    y={8}
                    textAnchor="end"
                    dominantBaseline="middle"
                    fill={ink}
                    fontSize={6}
                  >
                    {props.soldOutLabel}
                  </text>
                )}
              </g>
            </g>
          );
        })}
        {segments.map((_, i) => {
          const [x, y] = polar(i * size, R + 4);
          return <circle key={`peg-${i}`} cx={x} cy={y} r={2.2} className="wheel__peg" />;
        })}
      </g>
      <circle r={14} className="wheel__hub" />
      <g transform={`translate(0 ${-R - 14})`}>
        <g ref={props.pointerRef}>
          <path d="M -9 0 L 9 0 L 0 22 Z" className="wheel__pointer" />
        </g>
      </g>
    </svg>
  );
}
