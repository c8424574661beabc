import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { formatNumber, t, tn } from '@/lib/i18n';
import {
  criteriaFromQuery,
  criteriaToQuery,
  hasFilters,
  KINDS,
  matchesRow,
  SORTS,
  STATUSES,
  type Criteria,
  type SharedFilter,
  type SortOrder,
} from '@/lib/library/filter';
import { resourceIndex } from '@/lib/app/library-reads';
import type { ResourceIndex, SearchResult } from '@/lib/library/resource-index';
import { queryTerms } from '@/lib/library/search';
import { routeHash, type Route } from '@/lib/routes';
import { ACTIVITY_TYPES, isActivityType } from '@/lib/model/activity';
import { activityTypeLabel, kindLabel, statusLabel } from '@/lib/format/resource-format';
import type { ResourceKind, ResourceStatus } from '@/lib/model/resource';
import { LibraryHeader } from './LibraryHeader';
import { useShowThumbnails } from '@/components/hooks/live';
import { useSyncConnection } from '@/components/sync/connection';
import { useIndexVersion } from './ResourceHooks';
import { ResourceList } from './ResourceList';
import { ResourceUndo } from './ResourceUndo';
import { lazyComponent } from '@/components/Lazy';
import './resources.css';

// Shown only with a selection, or to a library with nothing in it yet: their code loads then.
const BulkBar = lazyComponent(() => import('./BulkBar').then((m) => m.BulkBar), 'nothing');
const ResourceEmpty = lazyComponent(() => import('./ResourceEmpty').then((m) => m.ResourceEmpty));
// What teammates published (the Shared filter's "From the team"): only with a team space connected.
const TeamLibraryList = lazyComponent(() => import('@/components/team/TeamSpace').then((m) => m.TeamLibraryList));

/** The list's hash and scroll, so "back to resources" returns to the same view. */
let listHash = routeHash('resources');
let listScroll = 0;
export function resourcesListHash(): string {
  return listHash;
}

const MAX_TAG_OPTIONS = 300;
const SORT_LABELS = { newest: 'libSortNewest', oldest: 'libSortOldest', shortest: 'libSortShortest' } as const;

/** The list's filters and search, kept in the address (and the hash "back to resources" returns to). */
function useCriteria(route: Route) {
  const [criteria, setCriteria] = useState<Criteria>(() => criteriaFromQuery(route.query));
  const firstRoute = useRef(route);

  // A link or the nav (a real hash change) sets the filters; typing only rewrites the hash.
  useEffect(() => {
    if (route !== firstRoute.current) setCriteria(criteriaFromQuery(route.query));
  }, [route]);

  useEffect(() => {
    listHash = routeHash('resources', undefined, criteriaToQuery(criteria));
    const timer = setTimeout(() => {
      if (location.hash !== listHash) history.replaceState(history.state, '', listHash);
    }, 300);
    return () => clearTimeout(timer);
  }, [criteria]);
  return [criteria, setCriteria] as const;
}

/**
 * What the criteria find. Small searches run at once; a big one runs in slices so typing never
 * waits for it, and the list keeps showing the previous results (`searching`) until it is done.
 */
function useSearch(index: ResourceIndex, version: number, criteria: Criteria) {
  const quick = useMemo(() => index.quickSearch(criteria), [index, version, criteria]);
  const [sliced, setSliced] = useState<{ criteria: Criteria; version: number; result: SearchResult } | undefined>(
    undefined,
  );
  const shown = useRef<SearchResult>({ rows: [], total: 0, loading: true, read: 0 });
  useEffect(() => {
    if (quick) return;
    const job = { cancelled: false };
    void index.searchInSlices(criteria, job).then((found) => {
      if (found && !job.cancelled) setSliced({ criteria, version, result: found });
    });
    return () => {
      job.cancelled = true;
    };
  }, [quick, index, version, criteria]);
  const fresh =
    quick ?? (sliced && sliced.criteria === criteria && sliced.version === version ? sliced.result : undefined);
  const result = fresh ?? shown.current;
  shown.current = result;
  return { result, searching: !fresh };
}

/** Coming back from a resource's page: the same place in the list. And "/" goes to the search. */
function useListPlace(index: ResourceIndex, search: RefObject<HTMLInputElement>) {
  useLayoutEffect(() => {
    if (index.loaded && listScroll) scrollTo({ top: listScroll });
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => {
      listScroll = scrollY;
      removeEventListener('keydown', onKey);
    };
  }, []);
}

/**
 * The selection. Bulk actions act on what is selected and shown: a selection hidden by a filter
 * stays selected but is not touched until it shows again.
 */
function useSelection(index: ResourceIndex, version: number, criteria: Criteria, rows: readonly { id: string }[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const selectedIds = useMemo(() => {
    if (!selected.size) return [];
    const terms = queryTerms(criteria.query);
    return [...selected].filter((id) => {
      const row = index.get(id);
      return row !== undefined && matchesRow(row, criteria, terms);
    });
  }, [selected, index, version, criteria]);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShown = rows.length > 0 && selectedIds.length === rows.length;
  return {
    selected,
    selectedIds,
    toggle,
    allShown,
    someShown: !allShown && selectedIds.length > 0,
    toggleAll: (on: boolean) => setSelected(on ? new Set(rows.map((row) => row.id)) : new Set()),
    clear: () => setSelected(new Set()),
  };
}

/**
 * How many the list shows. While a big search runs the previous count stays (no flicker on every
 * keystroke). While the library is still being read, the count says its results cover only what
 * is read so far.
 */
function countText(result: SearchResult, filtered: boolean, counted: boolean): string {
  return result.loading && filtered
    ? tn('libCountSoFar', result.read, formatNumber(result.rows.length), formatNumber(result.read))
    : filtered
      ? tn('libCountMatches', result.total, formatNumber(result.rows.length), formatNumber(result.total))
      : counted
        ? tn('libCountAll', result.total)
        : t('libCounting');
}

/** The filters: kind (or kind of learning), status, shared, tag, and the order. */
function ResourceFilters({
  criteria,
  set,
  tags,
  teamSpace,
}: {
  criteria: Criteria;
  set: (patch: Partial<Criteria>) => void;
  tags: readonly { tag: string; count: number }[];
  /** A team space is connected: "From the team" is a Shared filter. */
  teamSpace: boolean;
}) {
  return (
    <div class="res-filters">
      <div class="field">
        <label class="label" for="res-filter-kind">
          {t('libFilterKind')}
        </label>
        <select
          id="res-filter-kind"
          class="input"
          value={
            criteria.kind === 'activity' && criteria.activityType
              ? `activity:${criteria.activityType}`
              : (criteria.kind ?? '')
          }
          onChange={(e) => {
            // "activity:book" is the kind Activity narrowed to one kind of learning.
            const [kind, type] = e.currentTarget.value.split(':');
            set({
              kind: (kind || undefined) as ResourceKind | undefined,
              activityType: isActivityType(type) ? type : undefined,
            });
          }}
        >
          <option value="">{t('libFilterAnyKind')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
          <optgroup label={kindLabel('activity')}>
            {ACTIVITY_TYPES.map((type) => (
              <option key={type} value={`activity:${type}`}>
                {activityTypeLabel(type)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div class="field">
        <label class="label" for="res-filter-status">
          {t('libFilterStatus')}
        </label>
        <select
          id="res-filter-status"
          class="input"
          value={criteria.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || undefined) as ResourceStatus | undefined })}
        >
          <option value="">{t('libFilterAnyStatus')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="label" for="res-filter-shared">
          {t('libFilterShared')}
        </label>
        <select
          id="res-filter-shared"
          class="input"
          value={criteria.shared}
          onChange={(e) => set({ shared: e.currentTarget.value as SharedFilter })}
        >
          <option value="any">{t('libFilterSharedAny')}</option>
          <option value="shared">{t('libFilterSharedYes')}</option>
          <option value="unshared">{t('libFilterSharedNo')}</option>
          {teamSpace && <option value="team">{t('teamFromHeading')}</option>}
        </select>
      </div>
      <div class="field">
        <label class="label" for="res-filter-tag">
          {t('libFilterTag')}
        </label>
        <select
          id="res-filter-tag"
          class="input"
          value={criteria.tag ?? ''}
          onChange={(e) => set({ tag: e.currentTarget.value || undefined })}
        >
          <option value="">{t('libFilterAnyTag')}</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {`#${tag} (${formatNumber(count)})`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="label" for="res-filter-sort">
          {t('libSort')}
        </label>
        <select
          id="res-filter-sort"
          class="input"
          value={criteria.sort}
          onChange={(e) => set({ sort: e.currentTarget.value as SortOrder })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(SORT_LABELS[sort])}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function ResourcesSection({ route }: { route: Route }) {
  const teamSpace = useSyncConnection().team;
  const index = resourceIndex();
  const version = useIndexVersion(index);
  const thumbnails = useShowThumbnails();
  const [criteria, setCriteria] = useCriteria(route);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const { result, searching } = useSearch(index, version, criteria);
  const selection = useSelection(index, version, criteria, result.rows);
  const tags = useMemo(() => {
    const all = index.tagCounts().slice(0, MAX_TAG_OPTIONS);
    if (criteria.tag && !all.some((x) => x.tag === criteria.tag)) all.push({ tag: criteria.tag, count: 0 });
    return all;
  }, [index, version, criteria.tag]);
  useListPlace(index, search);

  useEffect(() => {
    if (message?.tone !== 'ok') return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  const set = (patch: Partial<Criteria>) => setCriteria((current) => ({ ...current, ...patch }));
  const clearFilters = () => {
    setCriteria({
      ...criteria,
      query: '',
      kind: undefined,
      activityType: undefined,
      status: undefined,
      shared: 'any',
      tag: undefined,
    });
    search.current?.focus();
  };

  const filtered = hasFilters(criteria);
  const libraryEmpty = !result.loading && result.total === 0 && !index.error;

  return (
    <>
      <LibraryHeader />
      <div class="section-head">
        <h1 id="res-heading">{t('navResources')}</h1>
        <a class="btn" href={routeHash('log')}>
          {t('libLogLearning')}
        </a>
      </div>
      {index.error ? (
        <p class="notice notice-error" role="alert">
          {describeWriteError(index.error)}
        </p>
      ) : null}
      {libraryEmpty ? (
        <ResourceEmpty />
      ) : (
        <>
          <div class="res-toolbar" role="search">
            <input
              ref={search}
              class="input res-search"
              type="search"
              value={criteria.query}
              aria-label={t('libSearch')}
              placeholder={t('libSearchPlaceholder')}
              autocomplete="off"
              spellcheck={false}
              onInput={(event) => set({ query: event.currentTarget.value })}
            />
            <ResourceFilters criteria={criteria} set={set} tags={tags} teamSpace={teamSpace} />
          </div>
          <div class="res-summary">
            <label class="checkbox res-select-all">
              <input
                type="checkbox"
                checked={selection.allShown}
                indeterminate={selection.someShown}
                disabled={result.rows.length === 0}
                onChange={(e) => selection.toggleAll(e.currentTarget.checked)}
              />
              {t('libSelectAll')}
            </label>
            <p class="res-count" role="status">
              {countText(result, filtered, index.counted)}
            </p>
            {filtered && (
              <button type="button" class="btn btn-small btn-ghost" onClick={clearFilters}>
                {t('libClearFilters')}
              </button>
            )}
          </div>
          {criteria.shared === 'team' && teamSpace ? (
            <TeamLibraryList query={criteria.query} />
          ) : result.rows.length === 0 && !result.loading && !searching ? (
            <div class="empty res-no-match">
              <p>{t('libNoMatches')}</p>
              {filtered && (
                <button type="button" class="btn" onClick={clearFilters}>
                  {t('libClearFilters')}
                </button>
              )}
            </div>
          ) : (
            <ResourceList
              rows={result.rows}
              selected={selection.selected}
              onToggle={selection.toggle}
              thumbnails={thumbnails}
              labelledBy="res-heading"
              busy={searching || result.loading}
              terms={queryTerms(criteria.query)}
            />
          )}
        </>
      )}
      <div class="res-floating">
        <ResourceUndo />
        {message && (
          <p
            class={message.tone === 'error' ? 'notice notice-error' : 'notice notice-ok'}
            role={message.tone === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        {selection.selectedIds.length > 0 && (
          <BulkBar
            ids={selection.selectedIds}
            onClear={selection.clear}
            onError={(text) => setMessage({ tone: 'error', text })}
            onDone={(text) => setMessage(text ? { tone: 'ok', text } : null)}
          />
        )}
      </div>
    </>
  );
}
