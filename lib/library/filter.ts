import type { ActivityType } from '../model/activity';
import type { Resource, ResourceKind, ResourceStatus } from '../model/resource';
import { isActivityType } from '../model/activity';
import { matchesTerms, searchText } from './search';

/**
 * What the list needs of a resource: display fields and the prepared search text. Notes and
 * takeaways live only in `text`, so a large library stays light in memory.
 */
export interface ResourceRow {
  id: string;
  url?: string;
  kind: ResourceKind;
  title: string;
  site?: string;
  author?: string;
  thumbnailUrl?: string;
  videoId?: string;
  positionSec?: number;
  durationSec?: number;
  readingMinutes?: number;
  tags: string[];
  status: ResourceStatus;
  sharedAt?: number;
  createdAt: number;
  updatedAt: number;
  /** Folded search text (see searchText). */
  text: string;
  activityType?: ActivityType;
  happenedOn?: string;
  withWhom?: string;
  /** Seconds it takes: video length, or reading minutes × 60; Infinity when unknown. */
  length: number;
}

export function lengthSeconds(resource: Pick<Resource, 'kind' | 'durationSec' | 'readingMinutes'>): number {
  if (resource.kind === 'video' && resource.durationSec && resource.durationSec > 0) return resource.durationSec;
  if (resource.readingMinutes && resource.readingMinutes > 0) return resource.readingMinutes * 60;
  if (resource.durationSec && resource.durationSec > 0) return resource.durationSec;
  return Number.POSITIVE_INFINITY;
}

/**
 * Bump when toRow or searchText changes what a row holds (tests/unit/library/index-cache.test.ts
 * pins a row to this number), so no copy of the rows kept by older code is believed.
 */
export const ROW_FORMAT = 1;

export function toRow(resource: Resource): ResourceRow {
  const row: ResourceRow = {
    id: resource.id,
    url: resource.url,
    kind: resource.kind,
    title: resource.title,
    tags: resource.tags,
    status: resource.status,
    createdAt: resource.createdAt,
    updatedAt: resource.updatedAt,
    text: searchText(resource),
    length: lengthSeconds(resource),
  };
  if (resource.site) row.site = resource.site;
  if (resource.author) row.author = resource.author;
  if (resource.thumbnailUrl) row.thumbnailUrl = resource.thumbnailUrl;
  if (resource.videoId) row.videoId = resource.videoId;
  if (resource.positionSec !== undefined) row.positionSec = resource.positionSec;
  if (resource.durationSec !== undefined) row.durationSec = resource.durationSec;
  if (resource.readingMinutes !== undefined) row.readingMinutes = resource.readingMinutes;
  if (resource.sharedAt !== undefined) row.sharedAt = resource.sharedAt;
  if (resource.activityType) row.activityType = resource.activityType;
  if (resource.happenedOn) row.happenedOn = resource.happenedOn;
  if (resource.withWhom) row.withWhom = resource.withWhom;
  return row;
}

export const SORTS = ['newest', 'oldest', 'shortest'] as const;
export type SortOrder = (typeof SORTS)[number];
export const KINDS: readonly ResourceKind[] = ['video', 'article', 'page', 'activity'];
export const STATUSES: readonly ResourceStatus[] = ['queued', 'learning', 'learned'];
/** `team`: what teammates published to the team space, shown in place of the library's own rows. */
export type SharedFilter = 'any' | 'shared' | 'unshared' | 'team';

export interface Criteria {
  query: string;
  kind?: ResourceKind;
  /** With kind `activity`: one kind of learning. */
  activityType?: ActivityType;
  status?: ResourceStatus;
  shared: SharedFilter;
  tag?: string;
  sort: SortOrder;
}

export const DEFAULT_CRITERIA: Criteria = { query: '', shared: 'any', sort: 'newest' };

/** Filters live in the hash (`#resources?q=lara&kind=video`) so a view can be linked and reloaded. */
export function criteriaFromQuery(query: Record<string, string>): Criteria {
  const out: Criteria = { ...DEFAULT_CRITERIA, query: query.q ?? '' };
  if ((KINDS as readonly string[]).includes(query.kind ?? '')) out.kind = query.kind as ResourceKind;
  if (out.kind === 'activity' && isActivityType(query.type)) out.activityType = query.type;
  if ((STATUSES as readonly string[]).includes(query.status ?? '')) out.status = query.status as ResourceStatus;
  if (query.shared === 'shared' || query.shared === 'unshared' || query.shared === 'team') out.shared = query.shared;
  if (query.tag) out.tag = query.tag;
  if ((SORTS as readonly string[]).includes(query.sort ?? '')) out.sort = query.sort as SortOrder;
  return out;
}

export function criteriaToQuery(criteria: Criteria): Record<string, string> {
  const out: Record<string, string> = {};
  if (criteria.query) out.q = criteria.query;
  if (criteria.kind) out.kind = criteria.kind;
  if (criteria.kind === 'activity' && criteria.activityType) out.type = criteria.activityType;
  if (criteria.status) out.status = criteria.status;
  if (criteria.shared !== 'any') out.shared = criteria.shared;
  if (criteria.tag) out.tag = criteria.tag;
  if (criteria.sort !== 'newest') out.sort = criteria.sort;
  return out;
}

export function hasFilters(criteria: Criteria): boolean {
  return Boolean(
    criteria.query.trim() || criteria.kind || criteria.status || criteria.shared !== 'any' || criteria.tag,
  );
}

/** Everything but the search terms: cheap field comparisons. */
export function matchesFilters(row: ResourceRow, criteria: Omit<Criteria, 'query' | 'sort'>): boolean {
  if (criteria.kind && row.kind !== criteria.kind) return false;
  if (criteria.activityType && row.activityType !== criteria.activityType) return false;
  if (criteria.status && row.status !== criteria.status) return false;
  if (criteria.shared === 'shared' && row.sharedAt === undefined) return false;
  if (criteria.shared === 'unshared' && row.sharedAt !== undefined) return false;
  if (criteria.tag && !row.tags.includes(criteria.tag)) return false;
  return true;
}

export function matchesRow(
  row: ResourceRow,
  criteria: Omit<Criteria, 'query' | 'sort'>,
  terms: readonly string[],
): boolean {
  return matchesFilters(row, criteria) && matchesTerms(row.text, terms);
}

/** Newest first; ties broken by id so the order is stable across reloads. */
export function compareNewest(a: ResourceRow, b: ResourceRow): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Shortest first; items of unknown length last, newest first among equals. */
export function compareShortest(a: ResourceRow, b: ResourceRow): number {
  if (a.length !== b.length) {
    if (a.length === Number.POSITIVE_INFINITY) return 1;
    if (b.length === Number.POSITIVE_INFINITY) return -1;
    return a.length - b.length;
  }
  return compareNewest(a, b);
}

/** Rows in the order asked for, from rows already sorted newest first (no re-sort for the common cases). */
export function ordered(newestFirst: readonly ResourceRow[], sort: SortOrder): ResourceRow[] {
  if (sort === 'newest') return newestFirst.slice();
  if (sort === 'oldest') return newestFirst.slice().reverse();
  return newestFirst.slice().sort(compareShortest);
}

/** Filter and sort in one call: the reference the search index must agree with. */
export function filterAndSort(
  rows: readonly ResourceRow[],
  criteria: Criteria,
  terms: readonly string[],
): ResourceRow[] {
  const sorted = rows.slice().sort(compareNewest);
  return ordered(sorted, criteria.sort).filter((row) => matchesRow(row, criteria, terms));
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Most used first, then by name. */
export function byUseThenName(a: TagCount, b: TagCount): number {
  return b.count - a.count || a.tag.localeCompare(b.tag);
}

/** Distinct tags with how many rows carry each, most used first, then by name. */
export function tagCounts(rows: Iterable<ResourceRow>): TagCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const tag of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort(byUseThenName);
}
