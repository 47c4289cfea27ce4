import { useRef, useState } from 'react';
import type { TWallet, TWheelSpinResult, TWheelState } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { describePrize } from './describe-prize';
import { PrizeDialog } from './prize-dialog';
import { useSpinAnimation } from './use-spin-animation';
import { usePrefersReducedMotion } from './use-wheel-data';
import { useWheelSocket } from './use-wheel-socket';
import { WheelSvg } from './wheel-svg';

/**
 * The wheel, its spin button and the result. The server draws; the wheel starts turning at the
 * press and lands exactly on the segment the ack names as awarded (what the player won). Balance
 * updates pushed while the wheel turns are held back until it stops, so nothing spoils the result.
 */
export function WheelStage(props: {
  state: TWheelState;
  onSpun: (result: TWheelSpinResult) => void;
  onWallet: (wallet: TWallet) => void;
  /** After a failed spin: re-read the state (a spin whose answer was lost may still have happened). */
  onRefresh: () => void;
}) {
  const { t, locale, errorMessage } = useI18n();
  const { state } = props;
  const wheelRef = useRef<SVGGElement>(null);
  const pointerRef = useRef<SVGGElement>(null);
  const spinButton = useRef<HTMLButtonElement>(null);
  const hint = useRef<HTMLParagraphElement>(null);
  const spinning = useRef(false);
  const heldWallet = useRef<TWallet | null>(null);
  const [isSpinning, setIsSpinning] = useState(false);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [result, setResult] = useState<TWheelSpinResult | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState('');
  const reducedMotion = usePrefersReducedMotion();
  const animation = useSpinAnimation({
    count: state.segments.length,
    wheel: wheelRef,
    pointer: pointerRef,
    reducedMotion,
  });
  const socket = useWheelSocket((wallet) =>
    spinning.current ? (heldWallet.current = wallet) : props.onWallet(wallet),
  );
  const labels = state.segments.map((s) => s.label);

  const spin = async () => {
    if (spinning.current) return;
    spinning.current = true;
    setIsSpinning(true);
    setError('');
    setHighlight(null);
    setAnnouncement(t('wheel.spinningAnnounce'));
    animation.start();
    try {
      const spun = await socket.spin({ campaignId: state.campaignId });
      await animation.land(spun.awardedIndex);
      setHighlight(spun.awardedIndex);
      setResult(spun);
      setAnnouncement(
        t(spun.prize.kind === 'none' ? 'wheel.missAnnounce' : 'wheel.wonAnnounce', {
          prize: describePrize(spun.prize, labels[spun.awardedIndex] ?? '', t, locale),
        }),
      );
      props.onSpun(spun);
    } catch (err) {
      await animation.stop();
      const message = errorMessage(err instanceof ApiError ? err.code : 'INTERNAL');
      setError(message);
      setAnnouncement(message);
      props.onRefresh();
    } finally {
      spinning.current = false;
      setIsSpinning(false);
      if (heldWallet.current) props.onWallet(heldWallet.current);
      heldWallet.current = null;
    }
  };

  const offline = socket.status !== 'live';
  const noSpins = state.spinsAvailable < 1;
  return (
    <section className="wheel-stage" aria-labelledby="wheel-title">
      <h2 id="wheel-title" className="visually-hidden">
        {t('wheel.title')}
      </h2>
      <div className="wheel-stage__wheel">
        <WheelSvg
          segments={state.segments}
          wheelRef={wheelRef}
          pointerRef={pointerRef}
          highlight={highlight}
          soldOutLabel={t('wheel.soldOut')}
        />
      </div>
      <button
        ref={spinButton}
        type="button"
        className="button button--primary button--large wheel-stage__spin"
        onClick={spin}
        disabled={isSpinning || offline || noSpins}
        aria-describedby="spin-hint"
      >
        {isSpinning ? t('wheel.spinning') : t('wheel.spin')}
      </button>
      <p id="spin-hint" ref={hint} tabIndex={-1} className="muted wheel-stage__hint">
        {offline
          ? t('wheel.offline')
          : noSpins
            ? t('wheel.noSpinsHint')
            : t('wheel.spinsLeft', { count: state.spinsAvailable })}
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {/* One polite live region for the whole spin: "Spinning…", then the prize. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <PrizeDialog
        result={result}
        labels={labels}
        onClose={() => {
          setResult(null);
          // Back to the spin button; when it is disabled (no spins left), to the hint saying why.
          (spinButton.current?.disabled ? hint.current : spinButton.current)?.focus();
        }}
      />
    </section>
  );
}
