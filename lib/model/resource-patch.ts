import { capLine, capText, LIMITS, normaliseTags } from '../infra/limits';
import { type ActivityType, isActivityType, isDay, isIsbn } from './activity';
import type { CapturedPage } from './captured-page';
import { clipTimeLimit } from '../infra/video-time';
import { type Clip, cleanClips } from './clip';
import type { FieldConflict } from './conflict';
import { cleanQuotes, type Quote } from './quote';
import type { Resource, ResourceStatus, SharedHow } from './resource';
import { cleanTakeaways, type Takeaway } from './takeaway';

/**
 * A resource as an edit or a capture changes it: the fields a capture gives, capped, and a
 * user's edit applied with the timestamps that follow from it. Pure: lib/db/resources.ts writes
 * the result, and lib/model/merge.ts rebases an edit on what another writer stored meanwhile.
 */

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
    next.clips = cleanClips(
      patch.clips.filter((clip) => Number.isFinite(clip.atSec) && clip.atSec >= 0),
      resource.durationSec,
    );
  if (patch.quotes !== undefined) {
    const quotes = cleanQuotes(patch.quotes);
    if (quotes.length) next.quotes = quotes;
    else delete next.quotes;
  }
  if (patch.activity && resource.kind === 'activity') applyActivityPatch(next, patch.activity);
  if (patch.resumeAt === null) delete next.positionSec;
  else if (patch.resumeAt !== undefined && Number.isFinite(patch.resumeAt))
    next.positionSec = Math.min(clipTimeLimit(resource.durationSec), Math.max(0, Math.floor(patch.resumeAt)));
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
