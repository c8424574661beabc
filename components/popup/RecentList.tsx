import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '@/components/hooks/live';
import { editResource, listNewest } from './commands';
import { afterSaveAnswered } from '@/lib/pages/first-answer';
import { t } from '@/lib/i18n';
import { openUrl } from '@/lib/format/resource-links';
import { statusLabel, resourceMetaLine } from '@/lib/format/resource-format';
import { readRecentSnapshot, type RecentItem, writeRecentSnapshot } from '@/lib/pages/popup-snapshot';
import { capLine } from '@/lib/infra/limits';
import { lazyComponent } from '@/components/Lazy';

// Marking shared follows the team's publish choice, as in the library: asked each time, always or
// never. Its code (the team space's) loads only when a row is ticked.
const PublishOffer = lazyComponent(() => import('@/components/team/TeamSpace').then((m) => m.PublishOffer), 'nothing');

/** How much of a title a checkbox's name carries: enough to tell the rows apart when read aloud. */
const NAME_TITLE_MAX = 60;

/** About five compact rows; the library has the rest. */
export const RECENT_LIMIT = 5;

export function RecentList() {
  const live = useLiveQuery(() => afterSaveAnswered().then(() => listNewest(RECENT_LIMIT)), ['resources']);
  // The last popup's list paints at once; the database's replaces it when read.
  const [snapshot] = useState(readRecentSnapshot);
  const items: readonly RecentItem[] | null = live.data ?? snapshot;
  useEffect(() => {
    if (live.data) writeRecentSnapshot(live.data);
  }, [live.data]);
  const [writeError, setError] = useState('');
  const [justShared, setJustShared] = useState<string | null>(null);
  const [published, setPublished] = useState('');
  // A failure's words load when one happens: the popup's first script carries none of them.
  const say = (e: unknown) =>
    void import('@/lib/i18n/write-errors').then(({ describeWriteError }) => setError(describeWriteError(e)));
  useEffect(() => {
    if (live.error) say(live.error);
  }, [live.error]);
  const error = writeError;

  const toggleShared = async (resource: RecentItem, shared: boolean) => {
    setError('');
    setPublished('');
    try {
      await editResource(resource.id, { shared: shared ? {} : false });
      setJustShared(shared ? resource.id : null);
    } catch (e) {
      say(e);
    }
  };

  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('popupRecentHeading')}</h2>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        <div class="skeleton" role="status" aria-busy="true" aria-label={t('popupLoading')} />
      ) : items.length === 0 ? (
        <p class="empty small">{t('popupRecentEmpty')}</p>
      ) : (
        <ul>
          {items.map((resource) => {
            const titleId = `recent-title-${resource.id}`;
            const href = openUrl(resource);
            return (
              <li key={resource.id}>
                {href ? (
                  <a
                    id={titleId}
                    dir="auto"
                    class="recent-title clamp-2"
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {resource.title}
                  </a>
                ) : (
                  <span id={titleId} dir="auto" class="recent-title clamp-2">
                    {resource.title}
                  </span>
                )}
                <span class="recent-meta small muted">
                  <span class={resource.status === 'learned' ? 'chip chip-accent' : 'chip'}>
                    {statusLabel(resource.status)}
                  </span>
                  <span>{resourceMetaLine(resource)}</span>
                </span>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={resource.sharedAt !== undefined}
                    aria-label={t('popupSharedItem', capLine(resource.title, NAME_TITLE_MAX))}
                    onChange={(event) => void toggleShared(resource, event.currentTarget.checked)}
                  />
                  {t('sharedWithTeam')}
                </label>
                {justShared === resource.id && (
                  <div class="recent-publish">
                    <PublishOffer
                      ids={[resource.id]}
                      onDone={(yes, note) => {
                        setJustShared(null);
                        if (yes) setPublished(note);
                      }}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {published && (
        <p class="small ok-text" role="status">
          {published}
        </p>
      )}
      {items !== null && items.length >= RECENT_LIMIT && (
        <a class="small recent-more" href={browser.runtime.getURL('/library.html')} target="_blank" rel="noopener">
          {t('popupRecentMore')}
        </a>
      )}
    </section>
  );
}
