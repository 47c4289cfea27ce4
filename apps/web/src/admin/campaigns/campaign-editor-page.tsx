import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { TCampaignAdmin } from '@playloop/shared';
import { ApiError, type ClientErrorCode } from '../../api/api-error';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { fieldErrorsOf, type FieldErrors } from '../ui/field-errors';
import { useFocusFirstInvalid } from '../ui/use-focus-first-invalid';
import { errorCodeOf, useLoad } from '../use-load';
import { draftFromCampaign, draftToBody, emptyDraft, type CampaignDraft } from './campaign-draft';
import { BasicsSection, BudgetSection, RulesSection } from './campaign-fields';
import { CampaignTabs } from './campaign-tabs';
import { LandingSection } from './landing-section';
import { StatusActions } from './status-actions';
import { VariantsEditor } from './variants-editor';

/** There is no single-campaign route: the admin list holds every campaign's full configuration. */
async function findCampaign(id: string): Promise<TCampaignAdmin> {
  const found = (await adminApi.campaigns()).campaigns.find((c) => c.id === id);
  if (!found) throw new ApiError('NOT_FOUND', 404, 'No such campaign.');
  return found;
}

/** `/admin/campaigns/new` and `/admin/campaigns/:campaignId`. */
export function CampaignEditorPage() {
  const { campaignId } = useParams();
  const loaded = useLoad(
    () => (campaignId ? findCampaign(campaignId) : Promise.resolve(null)),
    campaignId ?? 'new',
  );
  if (loaded.status === 'failed')
    return <ErrorNotice code={loaded.error} onRetry={loaded.reload} />;
  if (loaded.status === 'loading') return <Loading />;
  return <CampaignEditor key={campaignId ?? 'new'} initial={loaded.data} />;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; created: boolean }
  | { kind: 'failed'; code: ClientErrorCode; fields: number };

function CampaignEditor({ initial }: { initial: TCampaignAdmin | null }) {
  const { at } = useAdminText();
  const navigate = useNavigate();
  const location = useLocation();
  const [campaign, setCampaign] = useState(initial);
  const [draft, setDraft] = useState<CampaignDraft>(() =>
    initial ? draftFromCampaign(initial) : emptyDraft(),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstInvalid(errors);
  const [save, setSave] = useState<SaveState>(() =>
    (location.state as { created?: boolean } | null)?.created
      ? { kind: 'saved', created: true }
      : { kind: 'idle' },
  );
  const title = campaign
    ? at('campaign.editTitle', { title: draft.title || campaign.id })
    : at('campaign.newTitle');
  useDocumentTitle(title);

  const set = (patch: Partial<CampaignDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (save.kind === 'saved') setSave({ kind: 'idle' });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    const body = draftToBody(draft);
    const request = campaign
      ? adminApi.updateCampaign(campaign.id, body)
      : adminApi.createCampaign(body);
    request.then(
      (saved) => {
        setErrors({});
        if (!campaign) {
          navigate(`/admin/campaigns/${saved.id}`, { state: { created: true } });
          return;
        }
        setCampaign(saved);
        setDraft(draftFromCampaign(saved));
        setSave({ kind: 'saved', created: false });
      },
      (err: unknown) => {
        const fields = fieldErrorsOf(err);
        setErrors(fields);
        setSave({ kind: 'failed', code: errorCodeOf(err), fields: Object.keys(fields).length });
      },
    );
  };

  const props = { draft, set, errors };
  return (
    <div className="admin-page">
      <p className="admin-breadcrumb">
        <Link to="/admin/campaigns">{at('nav.campaigns')}</Link>
      </p>
      <h1>{title}</h1>
      {campaign && <CampaignTabs campaignId={campaign.id} />}
      {campaign && <StatusActions campaign={campaign} onChanged={setCampaign} />}
      <form
        ref={formRef}
        className="admin-form"
        noValidate
        onSubmit={onSubmit}
        aria-labelledby="campaign-form-title"
      >
        <h2 id="campaign-form-title" className="visually-hidden">
          {at('campaign.settings')}
        </h2>
        <BasicsSection {...props} />
        <RulesSection {...props} />
        <BudgetSection {...props} isNew={!campaign} />
        <LandingSection {...props} />
        <VariantsEditor {...props} />
        <div className="admin-form__footer">
          <SaveFeedback save={save} />
          <button
            type="submit"
            className="button button--primary"
            disabled={save.kind === 'saving'}
          >
            {save.kind === 'saving'
              ? at('common.saving')
              : campaign
                ? at('campaign.save')
                : at('campaign.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

function SaveFeedback({ save }: { save: SaveState }) {
  const { at, errorMessage } = useAdminText();
  if (save.kind === 'saved')
    return (
      <p className="notice notice--success" role="status">
        {save.created ? at('campaign.created') : at('campaign.saved')}
      </p>
    );
  if (save.kind !== 'failed') return <span />;
  return (
    <p className="notice notice--error" role="alert">
      {save.fields > 0 ? at('common.fixFields', { n: save.fields }) : errorMessage(save.code)}
    </p>
  );
}
