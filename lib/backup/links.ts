import { pageFromUrl } from '../capture/page-from-url';
import { canonicalizeUrl } from '../capture/canonical-url';
import type { Resource, ResourceStatus } from '../model/resource';
import { newId } from '../infra/ids';
import { capLine, capText, LIMITS, normaliseTags } from '../infra/limits';

/** Where a link came from in the file, so a skipped entry can be found again. */
export type LinkSource = 'pocket' | 'csv' | 'bookmarks' | 'urls';

/** One link read from another tool's file, before it is checked. */
export interface LinkEntry {
  /** 1-based: CSV row (after the header), bookmark number, or line. */
  position: number;
  url: string;
  title?: string;
  tags: string[];
  /** ms since the epoch */
  addedAt?: number;
  status?: ResourceStatus;
  description?: string;
  notes?: string;
}

export interface ParsedLinks {
  source: LinkSource;
  entries: LinkEntry[];
}

export type SkipReason =
  | 'missing-url'
  | 'bookmarklet'
  | 'local-file'
  | 'data-url'
  | 'not-web'
  | 'broken'
  | 'too-long'
  | 'duplicate'
  | 'already-saved'
  // Highlights (Readwise, Kindle):
  | 'empty-highlight'
  | 'missing-title'
  | 'bookmark'
  | 'language'
  | 'unreadable-entry'
  | 'too-many-quotes'
  | 'too-many-highlights';

export interface SkippedEntry {
  position: number;
  url: string;
  title?: string;
  reason: SkipReason;
  /** For duplicates: the position of the first occurrence. */
  firstAt?: number;
}

const VALID_HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?)$/i;

export type UrlCheck = { ok: true; url: string; canonicalUrl: string } | { ok: false; reason: SkipReason };

/** Can this address be saved? Only http(s) pages; everything else gets a reason a person understands. */
export function checkUrl(raw: string): UrlCheck {
  const value = raw.trim();
  if (!value) return { ok: false, reason: 'missing-url' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'javascript') return { ok: false, reason: 'bookmarklet' };
  if (scheme === 'file') return { ok: false, reason: 'local-file' };
  if (scheme === 'data') return { ok: false, reason: 'data-url' };
  if (scheme && scheme !== 'http' && scheme !== 'https') return { ok: false, reason: 'not-web' };
  if (!scheme) return { ok: false, reason: 'broken' };
  if (value.length > LIMITS.url) return { ok: false, reason: 'too-long' };
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { ok: false, reason: 'broken' };
  }
  // Browsers disagree on odd hosts (Chrome accepts "exa mple.com" as "exa%20mple.com"): only
  // DNS-shaped names and IP addresses are addresses.
  if (!VALID_HOST.test(parsed.hostname)) return { ok: false, reason: 'broken' };
  const canonicalUrl = canonicalizeUrl(parsed.href);
  if (!canonicalUrl) return { ok: false, reason: 'broken' };
  if (canonicalUrl.length > LIMITS.url) return { ok: false, reason: 'too-long' };
  return { ok: true, url: parsed.href, canonicalUrl };
}

/**
 * Seconds, milliseconds or microseconds since the epoch (tools disagree) → ms; undefined when
 * absent, not a number, or not a plausible date (before 1995 or more than a day ahead).
 */
export function epochMs(value: unknown, now: number): number | undefined {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value.trim()) : NaN;
  let ms: number;
  if (Number.isFinite(number) && number > 0) {
    ms = number > 1e14 ? number / 1000 : number > 1e11 ? number : number * 1000;
  } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    ms = Date.parse(value.trim());
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms) || ms < Date.UTC(1995, 0, 1) || ms > now + 86_400_000) return undefined;
  return Math.floor(ms);
}

/** A new record from a link: what the file said, capped, the rest empty. YouTube links are videos. */
export function resourceFromLink(entry: LinkEntry, url: string, canonicalUrl: string, now: number): Resource {
  const rawTitle = entry.title?.trim();
  // Pocket writes the URL as the title when it had none.
  const title = rawTitle && !/^https?:\/\/\S*$/i.test(rawTitle) ? rawTitle : undefined;
  const page = pageFromUrl(url, title);
  const createdAt = entry.addedAt ?? now;
  const resource: Resource = {
    id: newId(),
    url,
    canonicalUrl,
    kind: page?.kind ?? 'page',
    title: capLine(page?.title ?? url, LIMITS.title),
    site: capLine(page?.site, LIMITS.site),
    notes: capText(entry.notes?.trim() ?? '', LIMITS.notes),
    clips: [],
    takeaways: [],
    tags: normaliseTags(entry.tags),
    status: entry.status ?? 'queued',
    createdAt,
    updatedAt: Math.max(now, createdAt),
  };
  const description = capLine(entry.description, LIMITS.description);
  if (description) resource.description = description;
  if (page?.videoId) {
    resource.videoId = page.videoId;
    if (page.thumbnailUrl) resource.thumbnailUrl = page.thumbnailUrl;
    if (page.positionSec !== undefined) resource.positionSec = Math.floor(page.positionSec);
  }
  return resource;
}

export interface LinkPlan {
  puts: Resource[];
  added: number;
  updated: number;
  skipped: SkippedEntry[];
}

function skip(entry: LinkEntry, reason: SkipReason, firstAt?: number): SkippedEntry {
  const title = capLine(entry.title, 120);
  return {
    position: entry.position,
    url: capLine(entry.url, 200),
    ...(title ? { title } : {}),
    reason,
    ...(firstAt !== undefined ? { firstAt } : {}),
  };
}

/** A link of the file that can be saved: the record it would be, were it not saved already. */
interface Candidate {
  entry: LinkEntry;
  canonicalUrl: string;
  /** Its tags and those of its repeats in the file. */
  tags: string[];
  record: Resource;
}

/** What a file's links are before the library is looked at: every check that needs no database. */
export interface CheckedLinks {
  candidates: Candidate[];
  skipped: SkippedEntry[];
}

/** Links checked between two yields to the page (about 20 ms of work on a slow machine). */
export const LINK_CHUNK = 1_000;

/**
 * Check every link (its address, repeats in the file) and build the record each would be, a
 * chunk at a time: the async import yields to the page between chunks, so no task is long,
 * and the transaction that writes only looks the links up (`planCheckedLinks`).
 */
export function* checkLinkSteps(entries: readonly LinkEntry[], now: number): Generator<void, CheckedLinks> {
  const inFile = new Map<string, { entry: LinkEntry; tags: string[]; url: string }>();
  const skipped: SkippedEntry[] = [];
  let done = 0;
  for (const entry of entries) {
    if (++done % LINK_CHUNK === 0) yield;
    const check = checkUrl(entry.url);
    if (!check.ok) {
      skipped.push(skip(entry, check.reason));
      continue;
    }
    const first = inFile.get(check.canonicalUrl);
    if (first) {
      first.tags.push(...entry.tags);
      skipped.push(skip(entry, 'duplicate', first.entry.position));
      continue;
    }
    inFile.set(check.canonicalUrl, { entry, tags: [...entry.tags], url: check.url });
  }
  const candidates: Candidate[] = [];
  for (const [canonicalUrl, { entry, tags, url }] of inFile) {
    if (++done % LINK_CHUNK === 0) yield;
    const normalised = normaliseTags(tags);
    const record = resourceFromLink({ ...entry, tags: normalised }, url, canonicalUrl, now);
    candidates.push({ entry, canonicalUrl, tags: normalised, record });
  }
  return { candidates, skipped };
}

/** The checks at once (tests, and a caller with no page to keep responsive). */
export function checkLinks(entries: readonly LinkEntry[], now: number): CheckedLinks {
  const steps = checkLinkSteps(entries, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Checked links against what the library holds: a link already saved gains the file's tags and
 * keeps everything else (notes, status); a new one is the record made for it. Pure and quick
 * (a lookup a link): the caller runs it inside the write's one transaction.
 */
export function planCheckedLinks(existing: readonly Resource[], checked: CheckedLinks, now: number): LinkPlan {
  const byUrl = new Map(existing.map((r) => [r.canonicalUrl, r]));
  const skipped = [...checked.skipped];
  const puts: Resource[] = [];
  let added = 0;
  let updated = 0;
  for (const { entry, canonicalUrl, tags, record } of checked.candidates) {
    const here = byUrl.get(canonicalUrl);
    if (!here) {
      puts.push(record);
      added++;
      continue;
    }
    const nextTags = normaliseTags([...here.tags, ...tags]);
    if (nextTags.length === here.tags.length) {
      skipped.push(skip(entry, 'already-saved'));
      continue;
    }
    puts.push({ ...here, tags: nextTags, updatedAt: Math.max(now, here.updatedAt + 1) });
    updated++;
  }
  return { puts, added, updated, skipped };
}

/**
 * Lenient: links that cannot be saved are skipped with a reason; a link already saved gains the
 * file's tags and keeps everything else (notes, status); a link twice in the file is saved once
 * with the tags of both. Pure: the caller reads `existing` and writes `puts` in one transaction.
 */
export function planLinks(existing: readonly Resource[], entries: readonly LinkEntry[], now: number): LinkPlan {
  return planCheckedLinks(existing, checkLinks(entries, now), now);
}
