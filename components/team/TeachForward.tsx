import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { editResource } from '@/lib/app/resources';
import { describeWriteError } from '@/lib/db/errors';
import type { Resource, SharedHow } from '@/lib/db/types';
import { formatDate, t } from '@/lib/i18n';
import { SHARED_HOW_OPTIONS } from '@/lib/resource-format';
import { routeHash } from '@/lib/routes';
import { newActionHref } from '@/lib/actions/source';
import {
  anythingLearned,
  collectResourceDigest,
  listTeachForward,
  takeawayLines,
  type Digest,
} from '@/lib/share/digest';
import type { WebhookSettings } from '@/lib/settings';
import { PostToChat } from './PostToChat';

const SHOWN = 50;

/** Learned, not shared yet, with each shown item's digest built ahead (a Post click asks for permission before any await). */
async function loadTeachForward(): Promise<{ items: Resource[]; digests: Record<string, Digest>; learned: boolean }> {
  const items = await listTeachForward();
  const digests: Record<string, Digest> = {};
  for (const resource of items.slice(0, SHOWN)) digests[resource.id] = await collectResourceDigest(resource);
  // Empty because all is shared, or because nothing is learned yet: the empty state says which.
  return { items, digests, learned: items.length > 0 || (await anythingLearned()) };
}

export function TeachForward({ hook }: { hook: WebhookSettings | null | undefined }) {
  const live = useLiveQuery(loadTeachForward, ['resources', 'actions']);
  const items = live.data?.items ?? null;
  const digests = live.data?.digests ?? {};
  const [writeError, setError] = useState('');
  const [marked, setMarked] = useState('');
  const error = writeError || (live.error ? describeWriteError(live.error) : '');

  // No channel chosen: shared, without saying how (never a guess such as "in a meeting").
  const markShared = async (resource: Resource, how: SharedHow | undefined, posted = false) => {
    setError('');
    try {
      await editResource(resource.id, { shared: how ? { how } : {} });
      setMarked(posted ? t('teachPostedAndMarked', resource.title) : t('teachMarked', resource.title));
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  return (
    <section class="card panel teach-forward" aria-labelledby="teach-heading">
      <h2 id="teach-heading">{t('teachHeading')}</h2>
      <p class="muted">{t('teachIntro')}</p>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        <div class="skeleton" aria-busy="true" />
      ) : items.length === 0 ? (
        <p class="empty">{live.data?.learned ? t('teachEmpty') : t('teachEmptyNothingLearned')}</p>
      ) : (
        <ul class="teach-list">
          {items.slice(0, SHOWN).map((resource) => (
            <TeachItem
              key={resource.id}
              resource={resource}
              hook={hook}
              digest={digests[resource.id] ?? null}
              onShared={(how, posted) => markShared(resource, how, posted)}
            />
          ))}
        </ul>
      )}
      {items && items.length > SHOWN && <p class="small muted">{t('teachMore', items.length - SHOWN)}</p>}
      <p class="small ok-text" role="status">
        {marked}
      </p>
    </section>
  );
}

function TeachItem({
  resource,
  hook,
  digest,
  onShared,
}: {
  resource: Resource;
  hook: WebhookSettings | null | undefined;
  digest: Digest | null;
  onShared: (how: SharedHow | undefined, posted?: boolean) => Promise<void>;
}) {
  const [how, setHow] = useState<SharedHow | ''>('');
  const titleId = `teach-title-${resource.id}`;
  const howId = `teach-how-${resource.id}`;
  const takeaway = takeawayLines(resource.takeaways)[0];
  return (
    <li class="teach-item">
      <div class="teach-main">
        <a id={titleId} class="teach-title" href={routeHash('resource', resource.id)}>
          {resource.title || t('untitled')}
        </a>
        <span class="small muted">
          {resource.learnedAt !== undefined ? t('teachLearnedOn', formatDate(resource.learnedAt)) : ''}
        </span>
        {takeaway && <p class="small clamp-2 teach-takeaway">{takeaway}</p>}
      </div>
      <div class="teach-controls">
        <label class="visually-hidden" for={howId}>
          {t('teachHowLabel')}
        </label>
        <select
          id={howId}
          class="input input-compact"
          value={how}
          aria-describedby={titleId}
          onChange={(event) => setHow(event.currentTarget.value as SharedHow | '')}
        >
          <option value="">{t('libSharedHowNone')}</option>
          {SHARED_HOW_OPTIONS.map((option) => (
            <option key={option.how} value={option.how}>
              {t(option.label)}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="btn btn-small"
          aria-describedby={titleId}
          onClick={() => void onShared(how || undefined)}
        >
          {t('teachMarkShared')}
        </button>
        {hook && (
          <PostToChat
            small
            hook={hook}
            digest={() => digest}
            label={t('teachPost')}
            describedBy={titleId}
            onPosted={() => onShared('chat', true)}
          />
        )}
        <a class="btn btn-small btn-ghost" href={newActionHref('resource', resource.id)} aria-describedby={titleId}>
          {t('teachToAction')}
        </a>
      </div>
    </li>
  );
}
