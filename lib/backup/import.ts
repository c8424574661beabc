import { readStoresForImport, writeImport } from '../db/import';
import type { LoopDatabase } from '../db/open';
import type { Resource } from '../model/resource';
import type { StoreName } from '../model/stores';
import { t } from '../i18n';
import { bookmarkSteps, looksLikeHtml } from './bookmarks';
import { looksLikeCsv, parseCsvLinks, parseCsvLinksAsync } from './csv';
import {
  type HighlightPlan,
  type HighlightSource,
  MAX_HIGHLIGHT_FILE_BYTES,
  type ParsedHighlights,
  planHighlights,
} from './highlights';
import { looksLikeKindle, parseKindle } from './kindle';
import { looksLikeReadwise, parseReadwise } from './readwise';
import { IMPORTED_REVIEWS_PER_DAY } from '../review/spread';
import { ImportError } from './errors';
import { emptyRecords, MAX_IMPORT_BYTES, MAX_LINK_FILE_BYTES, STORES } from './format';
import {
  type CheckedLinks,
  checkLinkSteps,
  planCheckedLinks,
  planLinks,
  type LinkSource,
  type ParsedLinks,
  type SkippedEntry,
  type SkipReason,
} from './links';
import { planMerge, planReplace, type KeptReason, type MergePlan, type StoreCounts } from './merge';
import { looksLikeJson, parseBackup, parseBackupAsync, tooLargeError, type ParsedBackup } from './parse';
import { applySettings, type SettingName } from './settings';
import { parseUrlList } from './url-list';
import type { ArchiveSummary } from './zip';

export type ImportSource = 'learning-loop' | LinkSource | HighlightSource;
export type ImportMode = 'merge' | 'replace';

export type PreparedImport =
  | { kind: 'backup'; source: 'learning-loop'; backup: ParsedBackup }
  | { kind: 'links'; source: LinkSource; links: ParsedLinks; checked: CheckedLinks }
  | { kind: 'highlights'; source: HighlightSource; highlights: ParsedHighlights };

/** The stores an import of `source` writes: everything (our backup), books and their review cards, or links. */
export function importStores(source: ImportSource): StoreName[] {
  if (source === 'learning-loop') return [...STORES];
  return source === 'readwise' || source === 'kindle' ? ['resources', 'reviews'] : ['resources'];
}

export type ImportPhase = 'reading' | 'checking' | 'saving';
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
export type ProgressListener = (progress: ImportProgress) => void;

export interface ImportResult {
  source: ImportSource;
  mode: ImportMode;
  added: number;
  updated: number;
  skipped: number;
  /** Why entries were skipped, most common first. */
  reasons: { reason: SkipReason | KeptReason; count: number }[];
  /** Other tools' files: every skipped entry, in file order. */
  skippedEntries: SkippedEntry[];
  /** Highlights: books new and updated, quotes new and updated. */
  highlights?: { books: HighlightPlan['books']; quotes: HighlightPlan['quotes'] };
  /** Our format: per store. */
  counts?: Record<StoreName, StoreCounts>;
  /** Texts kept whole as a second version because they did not fit beside the other (our format). */
  conflictsKept?: number;
  settings: SettingName[];
}

/** Read a chosen file, refusing one over the size limit before reading a byte of it. */
export async function readImportFile(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw tooLargeError(file.size);
  if (file.size === 0) throw new ImportError('empty', `${t('backupErrorEmpty')} ${t('backupNothingImported')}`);
  try {
    return await file.text();
  } catch {
    throw new ImportError('unreadable', t('backupErrorUnreadable'));
  }
}

/** Pocket's export arrives as a zip of CSV files: say what to do instead of "cannot read". */
function refuseArchive(text: string, fileName: string): void {
  if (/\.zip$/i.test(fileName) || text.startsWith('PK\u0003\u0004'))
    throw new ImportError('zip-file', t('backupErrorZip'));
}

function detect(text: string, fileName: string): ImportKind {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  // Before the CSV's own check: Readwise's file is a CSV with no url column.
  if (looksLikeReadwise(text)) return 'readwise';
  if (looksLikeKindle(text, fileName)) return 'kindle';
  if (extension === 'csv') return 'csv';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (looksLikeJson(text)) return 'json';
  if (looksLikeHtml(text)) return 'html';
  if (looksLikeCsv(text)) return 'csv';
  return 'urls';
}

/** Another tool's file: within its format's cap, and not empty. */
function checkLinkFile(kind: Exclude<ImportKind, 'json'>, text: string): void {
  const cap = kind === 'readwise' || kind === 'kindle' ? MAX_HIGHLIGHT_FILE_BYTES : MAX_LINK_FILE_BYTES[kind];
  if (text.length > cap) throw tooLargeError(text.length, cap);
  if (!text.replace(/^\uFEFF/, '').trim())
    throw new ImportError('empty', `${t('backupErrorEmpty')} ${t('backupNothingImported')}`);
}

/**
 * Check the links read from a file a chunk at a time: each `yield` is a point where the async
 * import lets the page paint and answer.
 */
function* checkedSteps(links: ParsedLinks, now: number): Generator<void, PreparedImport> {
  refuseWithoutLinks(links);
  const checked = yield* checkLinkSteps(links.entries, now);
  return { kind: 'links', source: links.source, links, checked };
}

function refuseWithoutLinks(links: ParsedLinks): void {
  if (!links.entries.length) throw new ImportError('nothing-found', t('backupErrorNothingFound'));
  // A list where no line even starts like an address is not a list of links (an image, a PDF…).
  if (links.source === 'urls' && !links.entries.some((entry) => /^[a-z][a-z0-9+.-]*:/i.test(entry.url))) {
    throw new ImportError('unknown-file', t('backupErrorUnknownFile'));
  }
}

/** Run steps to the end at once. */
function allSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Run steps, giving the page a turn of its event loop between two. */
async function stepsWithYields<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Work out what a file is and read it: our backup (strict), a CSV (Pocket and others), a
 * bookmark file or a list of links (lenient). Throws only ImportError; writes nothing.
 */
export function prepareImport(text: string, fileName = '', now = Date.now()): PreparedImport {
  refuseArchive(text, fileName);
  const kind = detect(text, fileName);
  if (kind === 'json') return { kind: 'backup', source: 'learning-loop', backup: parseBackup(text) };
  checkLinkFile(kind, text);
  if (kind === 'readwise' || kind === 'kindle') return prepareHighlights(kind, text, now);
  const links =
    kind === 'csv'
      ? parseCsvLinks(text, now)
      : kind === 'html'
        ? allSteps(bookmarkSteps(text, now))
        : parseUrlList(text);
  return allSteps(checkedSteps(links, now));
}

/**
 * Highlights read from Readwise's CSV or a Kindle's clippings: refused, saying why, only when the
 * file holds no highlight at all (bookmarks only, or every entry in a language not read).
 */
function prepareHighlights(kind: HighlightSource, text: string, now: number): PreparedImport {
  const highlights = kind === 'readwise' ? parseReadwise(text, now) : parseKindle(text, now);
  if (!highlights.books.length) throw new ImportError('nothing-found', t('backupErrorNoHighlights'));
  return { kind: 'highlights', source: kind, highlights };
}

/** What a file is, from its name and its text: our backup, a CSV, a bookmark file or a list of links. */
export type ImportKind = 'json' | 'csv' | 'html' | 'urls' | HighlightSource;
export function detectImport(text: string, fileName = ''): ImportKind {
  refuseArchive(text, fileName);
  return detect(text, fileName);
}

/**
 * The same as `prepareImport`, letting the page paint progress (and answer) while a large file is
 * read and checked. `kind` when already detected; a bookmark file needs a page (its parser is
 * the browser's HTML parser), so a worker reads those with `bookmarkLinks` there.
 */
export async function prepareImportAsync(
  text: string,
  fileName = '',
  onProgress?: ProgressListener,
  now = Date.now(),
  kind: ImportKind = detectImport(text, fileName),
): Promise<PreparedImport> {
  if (kind === 'json') {
    const backup = await parseBackupAsync(text, (p) => onProgress?.({ phase: 'checking', ...p }));
    return { kind: 'backup', source: 'learning-loop', backup };
  }
  onProgress?.({ phase: 'checking', done: 0, total: 0 });
  if (kind === 'readwise' || kind === 'kindle') {
    checkLinkFile(kind, text);
    return prepareHighlights(kind, text, now);
  }
  const links = kind === 'html' ? await bookmarkLinks(text, now) : await readLinks(kind, text, now);
  return checkLinksAsync(links, now);
}

/** A bookmark file's links, read in parts with the page free between them. */
export async function bookmarkLinks(text: string, now = Date.now()): Promise<ParsedLinks> {
  checkLinkFile('html', text);
  return stepsWithYields(bookmarkSteps(text, now));
}

async function readLinks(kind: 'csv' | 'urls', text: string, now: number): Promise<ParsedLinks> {
  checkLinkFile(kind, text);
  return kind === 'csv' ? parseCsvLinksAsync(text, now) : parseUrlList(text);
}

/**
 * A CSV's or a list's links, refused as `prepareImportAsync` would refuse the file but not checked
 * yet: a zip checks all its files' links together, once.
 */
export async function readLinkFile(kind: 'csv' | 'urls', text: string, now = Date.now()): Promise<ParsedLinks> {
  const links = await readLinks(kind, text, now);
  refuseWithoutLinks(links);
  return links;
}

/** Links read from a file, checked a chunk at a time. */
export async function checkLinksAsync(links: ParsedLinks, now = Date.now()): Promise<PreparedImport> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return stepsWithYields(checkedSteps(links, now));
}

/** What the preview of an import shows, without the records themselves (a worker keeps those). */
export interface ImportSummary {
  source: ImportSource;
  /** Our backup: when it was made, and how many records of each store and settings it holds. */
  exportedAt?: string;
  records?: Record<StoreName, number>;
  settings: number;
  /** Another tool's file: how many links it holds. */
  links?: number;
  /** Highlights: how many books and highlights the file holds. */
  books?: number;
  highlights?: number;
  /** A zip: which of its files were read, which not and why. */
  archive?: ArchiveSummary;
}

/** What an import would change, per store, were it run now: the preview's dry run of the plan. */
export interface ImportChanges {
  /** Our backup: what a merge would do to each store (a replace: the file's records, all new). */
  merge?: Record<StoreName, StoreCounts>;
  /** Another tool's file: links new, links already saved that gain tags, unchanged, unusable. */
  links?: { added: number; updated: number; unchanged: number; skipped: number };
  /** Highlights: books and quotes new, updated (a note or page filled in) and unchanged; entries not used. */
  highlights?: { books: HighlightPlan['books']; quotes: HighlightPlan['quotes']; skipped: number };
  /** What each store holds now: what a replace would delete. */
  stored: Record<StoreName, number>;
}

export async function previewImport(
  prepared: PreparedImport,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<ImportChanges> {
  const stores = importStores(prepared.source);
  const existing = await readStoresForImport(stores, db);
  const stored = Object.fromEntries(STORES.map((store) => [store, existing[store].length])) as Record<
    StoreName,
    number
  >;
  if (prepared.kind === 'backup') return { merge: planMerge(existing, prepared.backup.records, now).counts, stored };
  if (prepared.kind === 'highlights') {
    const perDay = IMPORTED_REVIEWS_PER_DAY;
    const plan = planHighlights(existing.resources, existing.reviews, prepared.highlights, now, perDay);
    return { highlights: { books: plan.books, quotes: plan.quotes, skipped: plan.skipped.length }, stored };
  }
  const plan = planCheckedLinks(existing.resources, prepared.checked, now);
  const unchanged = plan.skipped.filter((entry) => entry.reason === 'already-saved').length;
  return {
    links: { added: plan.added, updated: plan.updated, unchanged, skipped: plan.skipped.length - unchanged },
    stored,
  };
}

export function summariseImport(prepared: PreparedImport): ImportSummary {
  if (prepared.kind === 'links') return { source: prepared.source, links: prepared.links.entries.length, settings: 0 };
  if (prepared.kind === 'highlights') {
    const { books } = prepared.highlights;
    const highlights = books.reduce((sum, book) => sum + book.highlights.length, 0);
    return { source: prepared.source, books: books.length, highlights, settings: 0 };
  }
  const { backup } = prepared;
  const records = Object.fromEntries(STORES.map((store) => [store, backup.records[store].length])) as Record<
    StoreName,
    number
  >;
  return {
    source: 'learning-loop',
    exportedAt: backup.exportedAt,
    records,
    settings: Object.keys(backup.settings).length,
  };
}

/** The import's progress bar while the records are written. */
const saving =
  (onProgress: ProgressListener | undefined) =>
  (done: number, total: number): void =>
    onProgress?.({ phase: 'saving', done, total });

function backupResult(plan: MergePlan, mode: ImportMode, settings: SettingName[]): ImportResult {
  let added = 0;
  let updated = 0;
  let same = 0;
  let newerHere = 0;
  for (const store of STORES) {
    added += plan.counts[store].added;
    updated += plan.counts[store].updated;
    same += plan.counts[store].same;
    newerHere += plan.counts[store].newerHere;
  }
  const reasons = [
    { reason: 'same' as const, count: same },
    { reason: 'newer-here' as const, count: newerHere },
  ].filter((r) => r.count > 0);
  return {
    source: 'learning-loop',
    mode,
    added,
    updated,
    skipped: same + newerHere,
    reasons,
    skippedEntries: [],
    counts: plan.counts,
    conflictsKept: plan.conflictsKept,
    settings,
  };
}

export interface RunOptions {
  mode?: ImportMode;
  onProgress?: ProgressListener;
  db?: LoopDatabase;
  now?: number;
  /** Highlights: at most this many new review cards first due a day (the `importedReviewsPerDay` setting). */
  reviewsPerDay?: number;
}

/** Write a backup of our format: merge (by id, resources also by canonical URL, newer wins) or replace. */
export async function writeBackup(backup: ParsedBackup, options: RunOptions = {}): Promise<ImportResult> {
  const result = await writeBackupRecords(backup, options);
  return { ...result, settings: await applySettings(backup.settings, result.mode === 'replace') };
}

/** The records of a backup, not its settings (those are the extension's storage, which a worker has not). */
async function writeBackupRecords(backup: ParsedBackup, options: RunOptions): Promise<ImportResult> {
  const mode = options.mode ?? 'merge';
  let plan: MergePlan = planReplace(emptyRecords());
  // Planned inside the write's one transaction, on what the stores hold then (a replace: nothing).
  await writeImport(
    STORES,
    mode === 'replace',
    (stored) => {
      plan = mode === 'replace' ? planReplace(backup.records) : planMerge(stored, backup.records);
      return plan.puts;
    },
    saving(options.onProgress),
    options.db,
  );
  return backupResult(plan, mode, []);
}

/**
 * Write links from another tool: lenient, one transaction, never replaces. `checked` is what the
 * preparation already checked outside the transaction, so the transaction only looks links up.
 */
export async function writeLinks(
  links: ParsedLinks,
  options: RunOptions = {},
  checked?: CheckedLinks,
): Promise<ImportResult> {
  const now = options.now ?? Date.now();
  let plan = { puts: [] as Resource[], added: 0, updated: 0, skipped: [] as SkippedEntry[] };
  await writeImport(
    ['resources'],
    false,
    (stored) => {
      plan = checked
        ? planCheckedLinks(stored.resources, checked, now)
        : planLinks(stored.resources, links.entries, now);
      return plan.puts.map((record) => ({ store: 'resources', record }));
    },
    saving(options.onProgress),
    options.db,
  );
  return {
    source: links.source,
    mode: 'merge',
    added: plan.added,
    updated: plan.updated,
    skipped: plan.skipped.length,
    reasons: groupReasons(plan.skipped),
    skippedEntries: [...plan.skipped].sort((a, b) => a.position - b.position),
    settings: [],
  };
}

function groupReasons(skipped: readonly SkippedEntry[], extra: { reason: SkipReason; count: number }[] = []) {
  const grouped = new Map<SkipReason, number>();
  for (const { reason, count } of extra) if (count > 0) grouped.set(reason, count);
  for (const entry of skipped) grouped.set(entry.reason, (grouped.get(entry.reason) ?? 0) + 1);
  return [...grouped].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/**
 * Write highlights (Readwise, Kindle) as books with quotes and the quotes' review cards, in one
 * transaction over both stores, planned inside it on what they hold then. Never replaces.
 */
export async function writeHighlights(parsed: ParsedHighlights, options: RunOptions = {}): Promise<ImportResult> {
  const now = options.now ?? Date.now();
  let plan: HighlightPlan | undefined;
  await writeImport(
    ['resources', 'reviews'],
    false,
    (stored) => {
      plan = planHighlights(
        stored.resources,
        stored.reviews,
        parsed,
        now,
        options.reviewsPerDay ?? IMPORTED_REVIEWS_PER_DAY,
      );
      return [
        ...plan.resources.map((record) => ({ store: 'resources' as const, record })),
        ...plan.reviews.map((record) => ({ store: 'reviews' as const, record })),
      ];
    },
    saving(options.onProgress),
    options.db,
  );
  const done = plan!;
  return {
    source: parsed.source,
    mode: 'merge',
    added: done.quotes.added,
    updated: done.quotes.updated,
    skipped: done.quotes.unchanged + done.skipped.length,
    reasons: groupReasons(done.skipped, [{ reason: 'already-saved', count: done.quotes.unchanged }]),
    skippedEntries: [...done.skipped].sort((a, b) => a.position - b.position),
    highlights: { books: done.books, quotes: done.quotes },
    settings: [],
  };
}

export async function runImport(prepared: PreparedImport, options: RunOptions = {}): Promise<ImportResult> {
  if (prepared.kind === 'highlights') return writeHighlights(prepared.highlights, options);
  return prepared.kind === 'backup'
    ? writeBackup(prepared.backup, options)
    : writeLinks(prepared.links, options, prepared.checked);
}

/** The records' half of `runImport`: what a worker writes; the page then applies the settings. */
export async function runImportRecords(prepared: PreparedImport, options: RunOptions = {}): Promise<ImportResult> {
  if (prepared.kind === 'highlights') return writeHighlights(prepared.highlights, options);
  return prepared.kind === 'backup'
    ? writeBackupRecords(prepared.backup, options)
    : writeLinks(prepared.links, options, prepared.checked);
}

/** The settings' half: after the records, as `runImport` does. */
export async function applyImportedSettings(
  settings: ParsedBackup['settings'],
  mode: ImportMode,
): Promise<SettingName[]> {
  return applySettings(settings, mode === 'replace');
}

/** Everything in one call (tests, benchmark): text in, records written. */
export async function importText(text: string, fileName = '', options: RunOptions = {}): Promise<ImportResult> {
  return runImport(await prepareImportAsync(text, fileName, options.onProgress, options.now), options);
}
