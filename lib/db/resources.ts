import type { CapturedPage } from '../capture/types';
import { newId } from '../ids';
import { capLine, capText, isWebUrl, LIMITS, normaliseTags } from '../limits';
import type { FieldConflict } from '../merge';

/** The merge rule, loaded on the first merging write only: the popup's first render does without it. */
type MergeRule = typeof import('../merge') & typeof import('../takeaways/edit');
let mergeRule: Promise<MergeRule> | undefined;
// One promise for every write: writes that wait for it resume in the order they were made, so a
// page's keystrokes still commit in order.
export const loadMergeRule = (): Promise<MergeRule> => {
  mergeRule ??= Promise.all([import('../merge'), import('../takeaways/edit')]).then(([merge, edit]) => ({
    ...merge,
    ...edit,
  }));
  return mergeRule;
};
import { getDb, type LoopDatabase } from './open';

// The reads live apart so a first screen that only lists and reads loads none of the writes below.
export { getResource, getResourceByUrl, listNewest } from './resource-reads';
import { addCardsForNewItems } from './new-review-cards';
import { cleanClips } from '../clips/clean';
import { cleanQuotes } from '../quotes/quote';
import { isActivityType, isDay, isIsbn } from '../activities/fields';
import { cleanTakeaways } from '../takeaways/clean';
import type { ActivityType, Clip, Quote, Resource, ResourceStatus, SharedHow, Takeaway } from './types';

export interface SaveExtras {
  notes?: string;
  tags?: string[];
}

export interface SaveResult {
  resource: Resource;
  created: boolean;
}

/** Metadata from a capture, capped, with empty fields left out. */
export function capturedFields(
  page: CapturedPage,
): Omit<Resource, 'id' | 'notes' | 'clips' | 'takeaways' | 'tags' | 'status' | 'createdAt' | 'updatedAt'> {
  const fields: ReturnType<typeof capturedFields> = {
    url: page.url.slice(0, LIMITS.url),
    canonicalUrl: page.canonicalUrl.slice(0, LIMITS.url),
    kind: page.kind,
    title: capLine(page.title, LIMITS.title) || capLine(page.url, LIMITS.title),
  };
  const site = capLine(page.site, LIMITS.site);
  if (site) fields.site = site;
  const author = capLine(page.author, LIMITS.author);
  if (author) fields.author = author;
  const description = capLine(page.description, LIMITS.description);
  if (description) fields.description = description;
  if (page.thumbnailUrl) fields.thumbnailUrl = page.thumbnailUrl.slice(0, LIMITS.url);
  if (page.iconUrl) fields.iconUrl = page.iconUrl.slice(0, LIMITS.url);
  if (page.publishedAt) fields.publishedAt = page.publishedAt;
  if (page.durationSec !== undefined && Number.isFinite(page.durationSec))
    fields.durationSec = Math.round(page.durationSec);
  if (page.readingMinutes !== undefined && Number.isFinite(page.readingMinutes))
    fields.readingMinutes = page.readingMinutes;
  if (page.videoId) fields.videoId = page.videoId;
  if (page.positionSec !== undefined && Number.isFinite(page.positionSec))
    fields.positionSec = Math.floor(page.positionSec);
  return fields;
}

function mergeNotes(existing: string, added: string | undefined): string {
  const extra = added?.trim();
  if (!extra || existing.includes(extra)) return existing;
  return capText(existing ? `${existing}\n\n${extra}` : extra, LIMITS.notes);
}

/**
 * Save a captured page, or update the record that has its canonical URL: fresh metadata, while
 * notes, clips, takeaways, tags, status, shared state and where to resume are kept (a note typed
 * before saving is appended, tags are added). Saving again never moves the resume position: only
 * the user's "Resume later" does (`resumeAt`).
 */
export async function saveResource(
  page: CapturedPage,
  extras: SaveExtras = {},
  now = Date.now(),
  db?: LoopDatabase,
): Promise<SaveResult> {
  if (!isWebUrl(page.url) || !isWebUrl(page.canonicalUrl))
    throw new TypeError(`Only web pages can be saved: ${page.url.slice(0, 100)}`);
  const database = db ?? (await getDb());
  const tx = database.transaction('resources', 'readwrite');
  const existing = await tx.store.index('canonicalUrl').get(page.canonicalUrl);
  const fields = capturedFields(page);
  let resource: Resource;
  if (existing) {
    resource = {
      ...existing,
      ...fields,
      notes: mergeNotes(existing.notes, extras.notes),
      tags: normaliseTags([...existing.tags, ...(extras.tags ?? [])]),
      updatedAt: Math.max(now, existing.updatedAt + 1),
    };
    if (existing.positionSec !== undefined) resource.positionSec = existing.positionSec;
    else delete resource.positionSec;
  } else {
    resource = {
      id: newId(),
      ...fields,
      notes: capText(extras.notes?.trim() ?? '', LIMITS.notes),
      clips: [],
      takeaways: [],
      tags: normaliseTags(extras.tags ?? []),
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    };
  }
  await tx.store.put(resource);
  await tx.done;
  return { resource, created: !existing };
}

/** A new record that no address identifies (an activity): written as it is. */
export async function addResource(resource: Resource, db?: LoopDatabase): Promise<Resource> {
  const tx = (db ?? (await getDb())).transaction(['resources', 'reviews'], 'readwrite');
  await tx.objectStore('resources').add(resource);
  await addCardsForNewItems(tx.objectStore('reviews'), undefined, resource, resource.createdAt);
  await tx.done;
  return resource;
}

export interface ActivityPatch {
  activityType?: ActivityType;
  happenedOn?: string;
  withWhom?: string | null;
  durationMin?: number | null;
  author?: string | null;
  isbn?: string | null;
}

function applyActivityPatch(next: Resource, patch: ActivityPatch): void {
  if (patch.activityType !== undefined && isActivityType(patch.activityType)) next.activityType = patch.activityType;
  if (patch.happenedOn !== undefined && isDay(patch.happenedOn)) next.happenedOn = patch.happenedOn;
  const text = (key: 'withWhom' | 'author', value: string | null | undefined, max: number) => {
    if (value === undefined) return;
    const clean = value === null ? '' : capLine(value, max);
    if (clean) next[key] = clean;
    else delete next[key];
  };
  text('withWhom', patch.withWhom, LIMITS.withWhom);
  text('author', patch.author, LIMITS.author);
  if (patch.durationMin === null) delete next.durationSec;
  else if (patch.durationMin !== undefined && Number.isFinite(patch.durationMin) && patch.durationMin > 0)
    next.durationSec = Math.round(patch.durationMin * 60);
  if (patch.isbn === null || patch.isbn?.trim() === '') delete next.isbn;
  else if (patch.isbn !== undefined && isIsbn(patch.isbn)) next.isbn = patch.isbn.replace(/[\s-]/g, '').toUpperCase();
}

export interface ResourcePatch {
  /** Replaces the kept conflict versions (the user chose one). */
  conflicts?: FieldConflict[];
  title?: string;
  notes?: string;
  takeaways?: Takeaway[];
  tags?: string[];
  status?: ResourceStatus;
  shared?: { how?: SharedHow } | false;
  clips?: Clip[];
  quotes?: Quote[];
  /** An activity's own fields (ignored on a page); `null` clears an optional one. */
  activity?: ActivityPatch;
  /** "Resume later at 30:30": where to pick the video up again (null forgets it). */
  resumeAt?: number | null;
}

/** What an editing page last read of the fields it edits: the version its edit started from. */
export type ResourceBase = Partial<Pick<Resource, 'notes' | 'takeaways' | 'tags' | 'clips' | 'quotes'>>;

// A clip edited here and elsewhere keeps both versions; one removed on one side stays removed.
const clipKey = (clip: Clip) => JSON.stringify([clip.id, clip.atSec, clip.endSec, clip.note, clip.chapter]);
const quoteKey = (quote: Quote) => JSON.stringify([quote.id, quote.exact, quote.note]);

/**
 * An edit made against `base`, applied to what is stored now (`current`): where another writer
 * changed a field meanwhile, the two merge by the project's one rule (lib/merge.ts). A text both
 * changed on the same lines keeps the edit in the field and the other text as a conflict version.
 */
export function rebasePatch(
  current: Resource,
  patch: ResourcePatch,
  base: ResourceBase,
  now: number,
  { mergeSet, mergeText, withConflict, rebaseTakeaways }: MergeRule,
): ResourcePatch {
  const next: ResourcePatch = { ...patch };
  let conflicts = current.conflicts;
  for (const field of ['notes'] as const) {
    const ours = patch[field];
    if (ours === undefined || base[field] === undefined) continue;
    const merged = mergeText(base[field], ours, current[field], LIMITS[field]);
    next[field] = merged.text;
    if (merged.conflict !== undefined) conflicts = withConflict(conflicts, field, merged.conflict, now);
  }
  if (patch.takeaways && base.takeaways)
    next.takeaways = rebaseTakeaways(base.takeaways, patch.takeaways, current.takeaways);
  if (patch.tags && base.tags) next.tags = mergeSet(normaliseTags(base.tags), normaliseTags(patch.tags), current.tags);
  if (patch.clips && base.clips) next.clips = mergeSet(base.clips, patch.clips, current.clips, clipKey);
  if (patch.quotes && base.quotes) next.quotes = mergeSet(base.quotes, patch.quotes, current.quotes ?? [], quoteKey);
  if (conflicts !== current.conflicts && patch.conflicts === undefined && conflicts) next.conflicts = conflicts;
  return next;
}

/** Apply a user's edit; derived timestamps (learnedAt, sharedAt, updatedAt) follow. */
export function applyPatch(resource: Resource, patch: ResourcePatch, now: number): Resource {
  const next: Resource = { ...resource, updatedAt: Math.max(now, resource.updatedAt + 1) };
  if (patch.title !== undefined) next.title = capLine(patch.title, LIMITS.title) || resource.title;
  if (patch.conflicts !== undefined) {
    if (patch.conflicts.length) next.conflicts = patch.conflicts;
    else delete next.conflicts;
  }
  if (patch.notes !== undefined) next.notes = capText(patch.notes, LIMITS.notes);
  if (patch.takeaways !== undefined) next.takeaways = cleanTakeaways(patch.takeaways);
  if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags);
  if (patch.clips !== undefined)
    next.clips = cleanClips(patch.clips.filter((clip) => Number.isFinite(clip.atSec) && clip.atSec >= 0));
  if (patch.quotes !== undefined) {
    const quotes = cleanQuotes(patch.quotes);
    if (quotes.length) next.quotes = quotes;
    else delete next.quotes;
  }
  if (patch.activity && resource.kind === 'activity') applyActivityPatch(next, patch.activity);
  if (patch.resumeAt === null) delete next.positionSec;
  else if (patch.resumeAt !== undefined && Number.isFinite(patch.resumeAt))
    next.positionSec = Math.max(0, Math.floor(patch.resumeAt));
  if (patch.status !== undefined && patch.status !== resource.status) {
    next.status = patch.status;
    if (patch.status === 'learned') next.learnedAt = now;
    else delete next.learnedAt;
  }
  if (patch.shared === false) {
    delete next.sharedAt;
    delete next.sharedHow;
  } else if (patch.shared) {
    next.sharedAt = resource.sharedAt ?? now;
    if (patch.shared.how) next.sharedHow = patch.shared.how;
  }
  return next;
}

export async function updateResource(
  id: string,
  patch: ResourcePatch,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<Resource | undefined> {
  const updated = await updateResources([id], patch, now, db);
  return updated[0];
}

/** One transaction for any number of records: bulk edits are all-or-nothing. */
export async function updateResources(
  ids: readonly string[],
  patch: ResourcePatch | ((r: Resource) => ResourcePatch),
  now = Date.now(),
  db?: LoopDatabase,
  base?: ResourceBase,
): Promise<Resource[]> {
  const database = db ?? (await getDb());
  // Loaded before the transaction opens: nothing but IndexedDB is awaited inside one.
  const rule = base ? await loadMergeRule() : undefined;
  // Review cards in the same transaction: a takeaway, quote or clip and its card are written together.
  const tx = database.transaction(['resources', 'reviews'], 'readwrite');
  const store = tx.objectStore('resources');
  const out: Resource[] = [];
  for (const id of ids) {
    const current = await store.get(id);
    if (!current) continue;
    // The merge happens here, inside the transaction, against what is stored at this moment.
    const own = typeof patch === 'function' ? patch(current) : patch;
    const next = applyPatch(current, base && rule ? rebasePatch(current, own, base, now, rule) : own, now);
    await store.put(next);
    if (next.takeaways !== current.takeaways || next.clips !== current.clips || next.quotes !== current.quotes)
      await addCardsForNewItems(tx.objectStore('reviews'), current, next, now);
    out.push(next);
  }
  await tx.done;
  return out;
}

/** Deletes and returns what was deleted, so the caller can offer undo. */
export async function deleteResources(ids: readonly string[], db?: LoopDatabase): Promise<Resource[]> {
  const database = db ?? (await getDb());
  const tx = database.transaction('resources', 'readwrite');
  const removed: Resource[] = [];
  for (const id of ids) {
    const current = await tx.store.get(id);
    if (!current) continue;
    removed.push(current);
    await tx.store.delete(id);
  }
  await tx.done;
  return removed;
}

/** Undo of a delete: puts the records back exactly as they were. */
export async function restoreResources(records: readonly Resource[], db?: LoopDatabase): Promise<void> {
  const database = db ?? (await getDb());
  const tx = database.transaction(['resources', 'reviews'], 'readwrite');
  for (const record of records) {
    await tx.objectStore('resources').put(record);
    await addCardsForNewItems(tx.objectStore('reviews'), undefined, record, Date.now());
  }
  await tx.done;
}
