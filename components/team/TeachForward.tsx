import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { editResources } from '@/lib/app/resources';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Quote } from '@/lib/model/quote';
import type { Resource, SharedHow } from '@/lib/model/resource';
import { formatQuoteLocation } from '@/lib/quotes/location';
import { formatDate, formatNumber, t, tn } from '@/lib/i18n';
import { capLine, LIMITS } from '@/lib/infra/limits';
import { SHARED_HOW_OPTIONS } from '@/lib/format/resource-format';
import { routeHash } from '@/lib/routes';
import { newActionHref } from '@/lib/actions/source';
import { actionsForResources, anythingShared, listTeachForward } from '@/lib/app/share-reads';
import { resourcesDigest, takeawayLines } from '@/lib/share/digest';
import type { WebhookSettings } from '@/lib/settings';
import { PostToChat } from './PostToChat';
import { PublishOffer } from './TeamSpace';

/** Rows per page: a long backlog is a few pages of one-line rows, not one page of 6,000 px. */
export const TEACH_PAGE_SIZE = 25;

/** Not shared yet, with the actions their digests list (read ahead: a Post click asks for permission before any await). */
type TeachActions = Awaited<ReturnType<typeof actionsForResources>>;

async function loadTeachForward() {
  const items = await listTeachForward();
  const actions = await actionsForResources(items);
  // Empty because all is shared, or because nothing is learned or noted yet: the empty state says which.
  return { items, actions, learned: items.length > 0 || (await anythingShared()) };
}

export function TeachForward({ hook }: { hook: WebhookSettings | null | undefined }) {
  const live = useLiveQuery(loadTeachForward, ['resources', 'actions']);
  const items = live.data?.items ?? null;
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [how, setHow] = useState<SharedHow | ''>('');
  const [writeError, setError] = useState('');
  const [done, setDone] = useState('');
  const [justShared, setJustShared] = useState<readonly string[]>([]);
  const error = writeError || (live.error ? describeWriteError(live.error) : '');

  const pages = Math.max(1, Math.ceil((items?.length ?? 0) / TEACH_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = items?.slice(current * TEACH_PAGE_SIZE, (current + 1) * TEACH_PAGE_SIZE) ?? [];
  // What was marked elsewhere (another tab, the resource's page) leaves the selection with the list.
  useEffect(() => {
    if (!items) return;
    const present = new Set(items.map((r) => r.id));
    if ([...selected].some((id) => !present.has(id)))
      setSelected(new Set([...selected].filter((id) => present.has(id))));
  }, [items]);

  const chosen = items?.filter((r) => selected.has(r.id)) ?? [];
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  // No channel chosen: shared, without saying how (never a guess such as "in a meeting").
  const markShared = async (resources: readonly Resource[], shareHow: SharedHow | undefined, posted = false) => {
    setError('');
    setDone('');
    try {
      const updated = await editResources(
        resources.map((r) => r.id),
        { shared: shareHow ? { how: shareHow } : {} },
      );
      setSelected(new Set());
      setHow('');
      setJustShared(updated.map((r) => r.id));
      const only = updated.length === 1 ? updated[0] : undefined;
      setDone(
        only
          ? t(posted ? 'teachPostedAndMarked' : 'teachMarked', only.title || t('untitled'))
          : tn(posted ? 'teachPostedMany' : 'teachMarkedMany', updated.length),
      );
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
        <>
          <TeachBulk
            shown={shown}
            selected={selected}
            onSelect={setSelected}
            how={how}
            onHow={setHow}
            chosen={chosen}
            markShared={markShared}
            post={hook ? { hook, actions: live.data?.actions ?? new Map() } : null}
          />
          <ul class="teach-list">
            {shown.map((resource) => (
              <TeachRow
                key={resource.id}
                resource={resource}
                checked={selected.has(resource.id)}
                onToggle={(on) => toggle(resource.id, on)}
              />
            ))}
          </ul>
          {pages > 1 && (
            <TeachPager current={current} pages={pages} total={items.length} shown={shown.length} onPage={setPage} />
          )}
        </>
      )}
      <p class="small ok-text" role="status">
        {done}
      </p>
      {justShared.length > 0 && (
        <PublishOffer
          key={justShared.join()}
          ids={justShared}
          onDone={(published, note) => {
            setJustShared([]);
            if (published) setDone(note);
          }}
        />
      )}
    </section>
  );
}

type Mark = (resources: readonly Resource[], how: SharedHow | undefined, posted?: boolean) => Promise<void>;

/** The selection's tools: select the page, mark the chosen shared (saying how), post them to the team's chat. */
function TeachBulk({
  shown,
  selected,
  onSelect,
  how,
  onHow,
  chosen,
  markShared,
  post,
}: {
  shown: readonly Resource[];
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
  how: SharedHow | '';
  onHow: (how: SharedHow | '') => void;
  chosen: readonly Resource[];
  markShared: Mark;
  /** The team's chat, where one is set, and the actions the digests list. */
  post: { hook: WebhookSettings; actions: TeachActions } | null;
}) {
  const allOnPage = shown.length > 0 && shown.every((r) => selected.has(r.id));
  return (
    <div class="teach-bulk" role="group" aria-label={t('teachBulkLabel')}>
      <label class="checkbox teach-select-page">
        <input
          type="checkbox"
          checked={allOnPage}
          onChange={(event) => {
            const next = new Set(selected);
            for (const r of shown) {
              if (event.currentTarget.checked) next.add(r.id);
              else next.delete(r.id);
            }
            onSelect(next);
          }}
        />
        {t('teachSelectPage')}
      </label>
      <span class="small muted teach-count" aria-live="polite">
        {chosen.length > 0 ? tn('teachSelected', chosen.length) : t('teachNoneSelected')}
      </span>
      <span class="teach-bulk-actions">
        <label class="visually-hidden" for="teach-how">
          {t('teachHowLabel')}
        </label>
        <select
          id="teach-how"
          class="input input-compact"
          value={how}
          disabled={chosen.length === 0}
          onChange={(event) => onHow(event.currentTarget.value as SharedHow | '')}
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
          class="btn btn-small btn-primary"
          disabled={chosen.length === 0}
          onClick={() => void markShared(chosen, how || undefined)}
        >
          {t('teachMarkShared')}
        </button>
        {post && chosen.length > 0 && (
          <PostToChat
            small
            hook={post.hook}
            digest={() => (chosen.length ? resourcesDigest(chosen, post.actions) : null)}
            label={t('teachPost')}
            onPosted={() => markShared(chosen, 'chat', true)}
          />
        )}
      </span>
    </div>
  );
}

/** Previous and next page, and which rows this page shows. */
function TeachPager({
  current,
  pages,
  total,
  shown,
  onPage,
}: {
  current: number;
  pages: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
}) {
  return (
    <nav class="teach-pager" aria-label={t('teachPager')}>
      <button type="button" class="btn btn-small" disabled={current === 0} onClick={() => onPage(current - 1)}>
        {t('teachPrevious')}
      </button>
      <span class="small muted">
        {tn(
          'teachShowing',
          total,
          formatNumber(current * TEACH_PAGE_SIZE + 1),
          formatNumber(current * TEACH_PAGE_SIZE + shown),
          formatNumber(total),
        )}
      </span>
      <button type="button" class="btn btn-small" disabled={current >= pages - 1} onClick={() => onPage(current + 1)}>
        {t('teachNext')}
      </button>
    </nav>
  );
}

/** A quote as Teach it forward names it: its words, and its page or location when it has one. */
function quoteSummary(quote: Quote): string {
  const where = formatQuoteLocation(quote.location);
  return `“${capLine(quote.exact, LIMITS.takeaway)}”${where ? ` (${where})` : ''}`;
}

function TeachRow({
  resource,
  checked,
  onToggle,
}: {
  resource: Resource;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const titleId = `teach-title-${resource.id}`;
  // Something it has to teach: its first takeaway, else its first quote, else its first clip's note.
  const takeaway =
    takeawayLines(resource.takeaways)[0] ||
    (resource.quotes?.[0] ? quoteSummary(resource.quotes[0]) : '') ||
    capLine(resource.clips[0]?.note ?? '', LIMITS.takeaway);
  return (
    <li class={checked ? 'teach-item teach-item-selected' : 'teach-item'}>
      <input
        type="checkbox"
        class="teach-check"
        checked={checked}
        aria-labelledby={titleId}
        onChange={(event) => onToggle(event.currentTarget.checked)}
      />
      <div class="teach-main">
        <a id={titleId} class="teach-title" dir="auto" href={routeHash('resource', resource.id)}>
          {resource.title || t('untitled')}
        </a>
        <span class="small muted teach-meta">
          {resource.learnedAt !== undefined ? t('teachLearnedOn', formatDate(resource.learnedAt)) : ''}
          {takeaway && (
            <span class="teach-takeaway" dir="auto">
              {resource.learnedAt !== undefined ? ' · ' : ''}
              {takeaway}
            </span>
          )}
        </span>
      </div>
      <a
        class="btn btn-small btn-ghost teach-action"
        href={newActionHref('resource', resource.id)}
        aria-describedby={titleId}
      >
        {t('teachToAction')}
      </a>
    </li>
  );
}
