import { useState } from 'preact/hooks';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { t } from '@/lib/i18n';
import { SERVICES } from '@/lib/share/services';
import { saveSetting } from '@/lib/app/settings';
import type { WebhookService } from '@/lib/settings';
import { checkWebhookUrl, maskWebhookUrl } from '@/lib/share/webhook-url';
import { useWebhook } from '@/components/team/useWebhook';
import '@/components/team/team.css';
import { ErrorNotice } from '@/components/Notices';

/**
 * The team's incoming-webhook URL and chat service. The URL is a secret: once saved it is only
 * shown masked, and replacing it means pasting a new one.
 */
export function WebhookSettings({ idPrefix = 'webhook' }: { idPrefix?: string }) {
  const saved = useWebhook();
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('');
  const [service, setService] = useState<WebhookService>('slack');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const showForm = saved === null || editing;
  const headingId = `${idPrefix}-heading`;

  const save = async (event: Event) => {
    event.preventDefault();
    setError('');
    setStatus('');
    const check = checkWebhookUrl(url);
    if (!check.ok) {
      setError(check.problem === 'insecure' ? t('webhookErrorInsecure') : t('webhookErrorInvalid'));
      return;
    }
    try {
      await saveSetting('webhook', { url: check.url.href, service });
      setUrl('');
      setEditing(false);
      setStatus(t('webhookSaved'));
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  const changeService = async (next: WebhookService) => {
    setService(next);
    if (saved && !editing) {
      await saveSetting('webhook', { ...saved, service: next });
      setStatus(t('webhookServiceSaved'));
    }
  };

  const remove = async () => {
    await saveSetting('webhook', null);
    setEditing(false);
    setStatus(t('webhookRemoved'));
  };

  const currentService = saved && !editing ? saved.service : service;

  return (
    <section id="team-chat" class="card panel webhook-settings" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t('webhookHeading')}
      </h2>
      <p class="muted">{t('webhookIntro')}</p>
      {saved === undefined ? null : showForm ? (
        <form class="stack" noValidate onSubmit={(event) => void save(event)}>
          <label class="field">
            <span>{t('webhookUrlLabel')}</span>
            <input
              class="input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              value={url}
              placeholder={t('webhookUrlPlaceholder')}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          </label>
          <ServicePicker id={`${idPrefix}-service`} value={currentService} onChange={(v) => void changeService(v)} />
          <ErrorNotice message={error} />
          <div class="row">
            <button type="submit" class="btn btn-primary">
              {t('webhookSave')}
            </button>
            {editing && (
              <button type="button" class="btn btn-ghost" onClick={() => setEditing(false)}>
                {t('webhookCancel')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <div class="stack">
          <p class="webhook-saved">
            <span class="label">{t('webhookSavedUrl')}</span>{' '}
            <code class="webhook-masked">{maskWebhookUrl(saved!.url)}</code>
          </p>
          <ServicePicker id={`${idPrefix}-service`} value={currentService} onChange={(v) => void changeService(v)} />
          <div class="row">
            <button
              type="button"
              class="btn"
              onClick={() => {
                setService(saved!.service);
                setEditing(true);
                setStatus('');
              }}
            >
              {t('webhookReplace')}
            </button>
            <button type="button" class="btn btn-ghost btn-danger" onClick={() => void remove()}>
              {t('webhookRemove')}
            </button>
          </div>
        </div>
      )}
      <p class="small ok-text" role="status">
        {status}
      </p>
      <p class="small muted">{t('webhookPrivacy')}</p>
    </section>
  );
}

function ServicePicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: WebhookService;
  onChange: (value: WebhookService) => void;
}) {
  return (
    <div class="field">
      <label class="label" for={id}>
        {t('webhookServiceLabel')}
      </label>
      <select
        id={id}
        class="input"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value as WebhookService)}
      >
        {SERVICES.map((s) => (
          <option key={s.value} value={s.value}>
            {t(s.label)}
          </option>
        ))}
      </select>
    </div>
  );
}
