import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TPublicWheelSegment } from '@playloop/shared';
import { ApiError, type ClientErrorCode } from '../../api/api-error';
import { WheelSvg } from '../../games/wheel/wheel-svg';
import '../../games/wheel/wheel.css';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { CampaignTabs } from '../campaigns/campaign-tabs';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { errorsUnder, fieldErrorsOf, type FieldErrors } from '../ui/field-errors';
import { useFocusFirstInvalid } from '../ui/use-focus-first-invalid';
import { errorCodeOf } from '../use-load';
import {
  colourFor,
  draftFromPublished,
  prizeOf,
  probabilities,
  starterWheel,
  wheelToBody,
  type WheelDraft,
} from './wheel-draft';
import { SegmentRow } from './segment-row';

const MAX_SEGMENTS = 16;

/** `/admin/campaigns/:campaignId/wheel`: edit and publish the campaign's wheel as a new version. */
export function WheelEditorPage() {
  const { campaignId = '' } = useParams();
  const { at, errorMessage } = useAdminText();
  useDocumentTitle(at('wheel.title'));
  const [draft, setDraft] = useState<WheelDraft | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<ClientErrorCode | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstInvalid(errors);
  const [state, setState] = useState<
    | { kind: 'idle' | 'saving' }
    | { kind: 'published'; version: number }
    | { kind: 'failed'; code: ClientErrorCode }
  >({ kind: 'idle' });
  const wheelRef = useRef<SVGGElement>(null);
  const pointerRef = useRef<SVGGElement>(null);

  useEffect(() => {
    adminApi.wheel(campaignId).then(
      (w) => {
        setDraft(draftFromPublished(w.segments));
        setVersion(w.version);
      },
      (err: unknown) => {
        // No wheel yet: start from a template rather than an empty form.
        if (err instanceof ApiError && err.code === 'NOT_FOUND') setDraft(starterWheel());
        else setLoadError(errorCodeOf(err));
      },
    );
  }, [campaignId]);

  if (loadError) return <ErrorNotice code={loadError} />;
  if (!draft) return <Loading />;

  const chances = probabilities(draft);
  const update = (next: WheelDraft) => {
    setDraft(next);
    if (state.kind === 'published') setState({ kind: 'idle' });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    adminApi.publishWheel(campaignId, wheelToBody(draft)).then(
      (published) => {
        setErrors({});
        setVersion(published.version);
        setState({ kind: 'published', version: published.version });
      },
      (err: unknown) => {
        setErrors(fieldErrorsOf(err));
        setState({ kind: 'failed', code: errorCodeOf(err) });
      },
    );
  };
  const preview: TPublicWheelSegment[] = draft.segments.map((s, i) => ({
    label: s.label || '…',
    weight: Number(s.weight) || 0,
    colour: s.colour,
    prize: prizeOf(s),
    stockLeft: s.stock.trim() === '' ? null : Number(s.stock) || 0,
    isFallback: i === draft.fallbackIndex,
  }));
  const fieldCount = Object.keys(errors).length;

  return (
    <div className="admin-page">
      <p className="admin-breadcrumb">
        <Link to="/admin/campaigns">{at('nav.campaigns')}</Link>
      </p>
      <h1>{at('wheel.title')}</h1>
      <CampaignTabs campaignId={campaignId} />
      <p className="muted">
        {version === null ? at('wheel.noneYet') : at('wheel.current', { version })}
      </p>
      <form ref={formRef} className="admin-form admin-wheel" noValidate onSubmit={onSubmit}>
        <div className="admin-wheel__rows">
          <p className="field__hint">{at('wheel.hint')}</p>
          {errors.segments && (
            <p className="field__error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {errors.segments}
            </p>
          )}
          {draft.segments.map((s, i) => (
            <SegmentRow
              key={i}
              index={i}
              segment={s}
              probability={chances[i] ?? 0}
              isFallback={i === draft.fallbackIndex}
              errors={errorsUnder(errors, `segments.${i}`)}
              rowError={errors[`segments.${i}`]}
              canRemove={draft.segments.length > 2}
              onChange={(patch) =>
                update({
                  ...draft,
                  segments: draft.segments.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                })
              }
              onFallback={() => update({ ...draft, fallbackIndex: i })}
              onRemove={() =>
                update({
                  segments: draft.segments.filter((_, j) => j !== i),
                  fallbackIndex:
                    draft.fallbackIndex > i
                      ? draft.fallbackIndex - 1
                      : draft.fallbackIndex === i
                        ? 0
                        : draft.fallbackIndex,
                })
              }
            />
          ))}
          {draft.segments.length < MAX_SEGMENTS && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                update({
                  ...draft,
                  segments: [
                    ...draft.segments,
                    {
                      label: '',
                      weight: '10',
                      colour: colourFor(draft.segments.length),
                      prizeKind: 'points',
                      amount: '10',
                      stock: '',
                    },
                  ],
                })
              }
            >
              {at('wheel.add')}
            </button>
          )}
        </div>
        <aside className="admin-wheel__preview" aria-label={at('wheel.preview')}>
          <WheelSvg
            segments={preview}
            wheelRef={wheelRef}
            pointerRef={pointerRef}
            highlight={null}
            soldOutLabel={at('wheel.soldOut')}
          />
          <p className="field__hint">{at('wheel.previewHint')}</p>
        </aside>
        <div className="admin-form__footer">
          {state.kind === 'published' && (
            <p className="notice notice--success" role="status">
              {at('wheel.published', { version: state.version })}
            </p>
          )}
          {state.kind === 'failed' && (
            <p className="notice notice--error" role="alert">
              {fieldCount > 0
                ? at('common.fixFields', { n: fieldCount })
                : errorMessage(state.code)}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary"
            disabled={state.kind === 'saving'}
          >
            {state.kind === 'saving' ? at('common.saving') : at('wheel.publish')}
          </button>
        </div>
      </form>
    </div>
  );
}
