import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db/open';
import { onDbChange } from '@/lib/db/changes';
import { describeWriteError } from '@/lib/db/errors';
import { updateResource } from '@/lib/db/resources';
import type { Resource, SharedHow } from '@/lib/db/types';
import { formatDate, t, type MessageKey } from '@/lib/i18n';
import { routeHash } from '@/lib/library/route';
import { newActionHref } from '@/lib/actions/source';
import { collectResourceDigest, takeawayLines, type Digest } from '@/lib/share/digest';
import type { WebhookSettings } from '@/lib/settings';
import { PostToChat } from './PostToChat';

export const SHARED_HOW: { value: SharedHow; label: MessageKey }[] = [
  { value: 'chat', label: 'teachHowChat' },
  { value: 'meeting', label: 'teachHowMeeting' },
  { value: 'demo', label: 'teachHowDemo' },
  { value: 'write-up', label: 'teachHowWriteUp' },
];

/** Learned but not shared yet, most recently learned first. */
export async function listTeachForward(): Promise<Resource[]> {
  const db = await getDb();
  const learned = await db.getAllFromIndex('resources', 'status', 'learned');
  return learned.filter((r) => r.sharedAt === undefined).sort((a, b) => (b.learnedAt ?? b.updatedAt) - (a.learnedAt ?? a.updatedAt));
}

const SHOWN = 50;

export function TeachForward({ hook }: { hook: WebhookSettings | null | undefined }) {
  const [items, setItems] = useState<Resource[] | null>(null);
  const [digests, setDigests] = useState<Record<string, Digest>>({});
  const [error, setError] = useState('');
  const [marked, setMarked] = useState('');

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const list = await listTeachForward();
        const shown = list.slice(0, SHOWN);
        // Digests are built ahead, so a Post click can ask for permission before any await.
        const next: Record<string, Digest> = {};
        for (const resource of shown) next[resource.id] = await collectResourceDigest(resource);
        if (!alive) return;
        setItems(list);
        setDigests(next);
      } catch (e) {
        if (alive) setError(describeWriteError(e));
      }
    };
    void load();
    const stop = onDbChange((change) => {
      if (change.store === 'resources' || change.store === 'actions') void load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, []);

  const markShared = async (resource: Resource, how: SharedHow, posted = false) => {
    setError('');
    try {
      await updateResource(resource.id, { shared: { how } });
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
        <p class="empty">{t('teachEmpty')}</p>
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

function TeachItem({ resource, hook, digest, onShared }: { resource: Resource; hook: WebhookSettings | null | undefined; digest: Digest | null; onShared: (how: SharedHow, posted?: boolean) => Promise<void> }) {
  const [how, setHow] = useState<SharedHow>('meeting');
  const titleId = `teach-title-${resource.id}`;
  const howId = `teach-how-${resource.id}`;
  const takeaway = takeawayLines(resource.takeaways)[0];
  return (
    <li class="teach-item">
      <div class="teach-main">
        <a id={titleId} class="teach-title" href={routeHash('resource', resource.id)}>
          {resource.title || t('untitled')}
        </a>
        <span class="small muted">{resource.learnedAt !== undefined ? t('teachLearnedOn', formatDate(resource.learnedAt)) : ''}</span>
        {takeaway && <p class="small clamp-2 teach-takeaway">{takeaway}</p>}
      </div>
      <div class="teach-controls">
        <label class="visually-hidden" for={howId}>
          {t('teachHowLabel')}
        </label>
        <select id={howId} class="input input-compact" value={how} aria-describedby={titleId} onChange={(event) => setHow(event.currentTarget.value as SharedHow)}>
          {SHARED_HOW.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </select>
        <button type="button" class="btn btn-small" aria-describedby={titleId} onClick={() => void onShared(how)}>
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
