import { useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { ErrorNotice } from '@/components/Notices';
import { syncErrorText } from '@/components/sync/words';
import {
  checkConnectInput,
  type ConnectInput,
  type ConnectProblem,
  connectSync,
  disconnectSync,
  requestServerPermission,
  syncAccount,
  syncNow,
  syncStatus,
  updateSyncPassword,
} from '@/lib/app/sync-account';
import { saveTeamPublishChoice, teamPublishChoice } from '@/lib/app/team';
import { formatDate, t, tn } from '@/lib/i18n';
import type { SyncErrorKind, TeamPublishChoice } from '@/lib/settings';
import '@/components/sync/sync.css';

const EMPTY: ConnectInput = { server: '', user: '', password: '', database: '', teamDatabase: '' };

/**
 * Settings → Sync and team: off until the user connects a CouchDB server. Says what leaves the
 * machine before it does; the password is stored here only and never shown again.
 */
export function SyncSettings() {
  const account = useStorageItem(syncAccount);
  return (
    <section id="sync" class="card panel sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading" tabIndex={-1}>
        {t('syncHeading')}
      </h2>
      {account === undefined ? null : account === null ? <ConnectForm /> : <Connected />}
    </section>
  );
}

function ConnectForm() {
  const [input, setInput] = useState<ConnectInput>(EMPTY);
  const [problems, setProblems] = useState<ConnectProblem[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const field = (name: keyof ConnectInput) => ({
    value: input[name],
    'aria-invalid': problems.includes(name) ? ('true' as const) : undefined,
    onInput: (event: { currentTarget: HTMLInputElement }) => setInput({ ...input, [name]: event.currentTarget.value }),
  });

  const connect = (event: Event) => {
    event.preventDefault();
    setError('');
    const found = checkConnectInput(input);
    setProblems(found);
    if (found.length) {
      setError(t('syncErrorInput'));
      return;
    }
    // Asked in the gesture, before any await: the browser shows its prompt only then.
    const permitted = requestServerPermission(input.server);
    setBusy(true);
    void permitted
      .then(async (granted) => {
        if (!granted) throw Object.assign(new Error('permission'), { kind: 'permission' as SyncErrorKind });
        await connectSync(input);
      })
      .catch((e: unknown) =>
        setError(syncErrorText(((e as { kind?: SyncErrorKind }).kind ?? 'failed') as SyncErrorKind)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form class="stack" noValidate onSubmit={connect}>
      <p class="muted">{t('syncIntroOff')}</p>
      <label class="field">
        <span>{t('syncServerLabel')}</span>
        <input
          class="input"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder={t('syncServerHint')}
          {...field('server')}
        />
      </label>
      <div class="sync-pair">
        <label class="field">
          <span>{t('syncUserLabel')}</span>
          <input class="input" autoComplete="username" spellcheck={false} {...field('user')} />
        </label>
        <label class="field">
          <span>{t('syncPasswordLabel')}</span>
          <input class="input" type="password" autoComplete="current-password" {...field('password')} />
        </label>
      </div>
      <div class="sync-pair">
        <label class="field">
          <span>{t('syncDatabaseLabel')}</span>
          <input class="input" spellcheck={false} {...field('database')} aria-describedby="sync-database-hint" />
        </label>
        <label class="field">
          <span>{t('syncTeamLabel')}</span>
          <input class="input" spellcheck={false} {...field('teamDatabase')} />
        </label>
      </div>
      <p id="sync-database-hint" class="small muted sync-hint">
        {t('syncDatabaseHint')}
      </p>
      <p class="small sync-leaves">{t('syncWhatLeaves')}</p>
      <ErrorNotice message={error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('syncConnecting') : t('syncConnect')}
        </button>
      </div>
    </form>
  );
}

function Connected() {
  const account = useStorageItem(syncAccount);
  const status = useStorageItem(syncStatus);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [password, setPassword] = useState('');
  if (!account || !status) return null;

  const runNow = async () => {
    setBusy(true);
    setNote('');
    await syncNow().finally(() => setBusy(false));
  };

  return (
    <div class="stack">
      <p>
        <strong>{t('syncConnectedAs', account.server, account.user)}</strong>
      </p>
      <ul class="sync-facts small">
        <li>{t('syncDatabaseIs', account.database)}</li>
        {account.teamDatabase && <li>{t('syncTeamIs', account.teamDatabase)}</li>}
        <li>{t('syncPasswordMasked')}</li>
      </ul>
      <div class="sync-status" role="status">
        <p class={status.error ? 'sync-error' : 'ok-text'}>
          {status.error
            ? syncErrorText(status.error)
            : status.lastSyncedAt
              ? t('syncLast', formatDate(status.lastSyncedAt, { dateStyle: 'medium', timeStyle: 'short' }))
              : t('syncNever')}
        </p>
        {status.pending > 0 && <p class="small muted">{tn('syncPending', status.pending)}</p>}
        {status.teamError && <p class="small sync-error">{syncErrorText(status.teamError)}</p>}
        {status.skipped.length > 0 && (
          <details class="small">
            <summary>{tn('syncSkipped', status.skipped.length)}</summary>
            <ul>
              {status.skipped.map((s) => (
                <li key={s.id}>
                  <code>{s.id}</code> {s.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {status.error === 'signed-out' && (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            if (password) void updateSyncPassword(password).then(() => setPassword(''));
          }}
        >
          <label class="field">
            <span>{t('syncNewPassword')}</span>
            <input
              class="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="btn">
            {t('syncSignIn')}
          </button>
        </form>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void runNow()}>
          {busy ? t('syncSyncing') : t('syncNow')}
        </button>
        <button
          type="button"
          class="btn btn-ghost btn-danger"
          onClick={() => void disconnectSync().then(() => setNote(t('syncDisconnected')))}
        >
          {t('syncDisconnect')}
        </button>
      </div>
      <p class="small ok-text" role="status">
        {note}
      </p>
      {account.teamDatabase && <PublishChoice />}
    </div>
  );
}

function PublishChoice() {
  const choice = useStorageItem(teamPublishChoice);
  if (!choice) return null;
  const save = (next: TeamPublishChoice) => void saveTeamPublishChoice(next);
  const value = choice.publish === null ? 'ask' : choice.publish ? 'always' : 'never';
  return (
    <fieldset class="sync-publish">
      <legend>{t('syncPublishHeading')}</legend>
      {(['ask', 'always', 'never'] as const).map((option) => (
        <label class="checkbox" key={option}>
          <input
            type="radio"
            name="sync-publish"
            checked={value === option}
            onChange={() => save({ ...choice, publish: option === 'ask' ? null : option === 'always' })}
          />
          {t(option === 'ask' ? 'syncPublishAsk' : option === 'always' ? 'syncPublishAlways' : 'syncPublishNever')}
        </label>
      ))}
      <p class="small">{t('syncInclude')}</p>
      <div class="row">
        {(['takeaways', 'quotes', 'clips'] as const).map((part) => (
          <label class="checkbox" key={part}>
            <input
              type="checkbox"
              checked={choice.include[part]}
              onChange={(e) => save({ ...choice, include: { ...choice.include, [part]: e.currentTarget.checked } })}
            />
            {t(
              part === 'takeaways'
                ? 'syncIncludeTakeaways'
                : part === 'quotes'
                  ? 'syncIncludeQuotes'
                  : 'syncIncludeClips',
            )}
          </label>
        ))}
      </div>
      <p class="small muted">{t('syncIncludeNever')}</p>
    </fieldset>
  );
}
