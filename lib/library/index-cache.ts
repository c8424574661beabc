import { browser } from 'wxt/browser';
import { indexStore, type IndexStore, type PersistedIndex, type ResourceChanges } from '../db/index-cache';
import { DB_VERSION } from '../db/schema';
import { lengthSeconds, ROW_FORMAT, toRow, type ResourceRow } from './filter';
import { RowTable } from './row-table';

/**
 * The library's search rows, kept between visits so a large library is searchable without reading
 * and folding every record again. A disposable copy in a database of its own (lib/db/index-cache.ts):
 * never exported, never synced, rebuilt from the records whenever it cannot be trusted. It is
 * trusted only as far as the resource write log (lib/db/write-log.ts) vouches for it.
 */
export type { IndexStore, PersistedIndex } from '../db/index-cache';

/** What a kept copy is checked against: the write log and the records (lib/db/index-cache.ts). */
export interface KeptReads {
  /** Load what the checks below need, ahead of them (the kept copy is being looked up). */
  prepare?(): void;
  /** The log's newest entry: read before the records, it is what a copy of them may claim. */
  latestWrite(): Promise<string | undefined>;
  /**
   * In one transaction, so they agree: what the log says changed since `token`, those records, the
   * count; null when the log cannot say or more than `limit` changed. `onCleared`: the store was cleared.
   */
  changesSince(token: string, limit: number, onCleared: () => Promise<void>): Promise<ResourceChanges | null>;
}

/** Every field of a row but `length`, which follows from them. */
const ROW_FIELDS = [
  'id',
  'url',
  'kind',
  'title',
  'site',
  'author',
  'thumbnailUrl',
  'videoId',
  'positionSec',
  'durationSec',
  'readingMinutes',
  'tags',
  'status',
  'sharedAt',
  'createdAt',
  'updatedAt',
  'text',
  'activityType',
  'happenedOn',
  'withWhom',
] as const satisfies readonly Exclude<keyof ResourceRow, 'length'>[];

// Every field is in the list: a field added to ResourceRow and not here fails to compile.
type Missing = Exclude<keyof ResourceRow, 'length' | (typeof ROW_FIELDS)[number]>;
const everyField: Missing extends never ? true : Missing = true;
void everyField;

export function encodeRows(rows: readonly ResourceRow[]): string {
  return JSON.stringify(rows.map((row) => ROW_FIELDS.map((field) => row[field] ?? null)));
}

/** The rows, or null when the text is not rows of this format (then the records are read). */
export function decodeRows(json: string): ResourceRow[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const rows: ResourceRow[] = new Array(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const values: unknown = parsed[i];
    if (!Array.isArray(values) || values.length !== ROW_FIELDS.length) return null;
    const row: Record<string, unknown> = {};
    for (let k = 0; k < ROW_FIELDS.length; k++) if (values[k] !== null) row[ROW_FIELDS[k]!] = values[k];
    if (
      typeof row.id !== 'string' ||
      typeof row.title !== 'string' ||
      typeof row.text !== 'string' ||
      typeof row.createdAt !== 'number' ||
      typeof row.updatedAt !== 'number' ||
      !Array.isArray(row.tags)
    )
      return null;
    const complete = row as unknown as ResourceRow;
    complete.length = lengthSeconds(complete);
    rows[i] = complete;
  }
  return rows;
}

/** A kept copy is read again from the records when more than this many changed since. */
const DELTA_LIMIT = 5_000;
/** A kept copy is written again when this many write transactions or changed rows are behind it. */
const REWRITE_BEHIND = 32;
const REWRITE_ROWS = 500;
/** Checked against every record at least this often, whatever the log says. */
const CHECK_AFTER_MS = 24 * 60 * 60 * 1000;
/** Rows encoded per idle period when the copy is written. */
const PERSIST_SLICE = 2_500;

/** The kept copy, when this code's format wrote it (its parts are read from disk later). */
async function readKept(store: IndexStore, format: string): Promise<PersistedIndex | undefined> {
  const kept = await store.read().catch(() => undefined);
  if (!kept || kept.format !== format || !Array.isArray(kept.parts)) return undefined;
  return kept.parts.every((part) => part instanceof Blob) ? kept : undefined;
}

/** The parts' rows by id, each part decoded as it arrives; null when one is not rows. */
async function decodeParts(parts: readonly Blob[]): Promise<RowTable | null> {
  // Every part is read off this thread at once; each is decoded here as it arrives.
  const texts = parts.map((part) => part.text());
  for (const text of texts) text.catch(() => undefined);
  // The page's own table, filled part by part: the index takes it as it is (no copy of every row
  // into another in one task once the last part is in).
  const rows = new RowTable();
  for (const text of texts) {
    const part = decodeRows(await text.catch(() => ''));
    if (!part) return null;
    for (const row of part) rows.set(row.id, row);
  }
  return rows;
}

/**
 * The kept rows brought up to date from the write log: the records written since are read again
 * (through the updatedAt index), deleted ones dropped. Null when the copy cannot be trusted; then
 * every record is read. `rewriteAs`: the log's token to keep the rows as again, when enough
 * changed since that the next visit would read much again. `stale`: read from every record more
 * than a day ago, so worth checking against them now.
 */
async function bringUpToDate(
  reads: KeptReads,
  kept: PersistedIndex,
  store: IndexStore,
  now: number,
  onCount?: (count: number) => void,
): Promise<{ rows: RowTable; rewriteAs: string | null; stale: boolean } | null> {
  // An import replaced the library: what it held is not kept here either.
  const onCleared = () => store.clear().catch(() => undefined);
  // Decoded on this thread while the database checks the copy. The check counts the store: the
  // page can say how many resources there are before the rows are decoded.
  const checked = reads.changesSince(kept.token, DELTA_LIMIT, onCleared).then((check) => {
    if (check) onCount?.(check.count);
    return check;
  });
  const [check, rows] = await Promise.all([checked, decodeParts(kept.parts)]);
  if (!check || !rows) return null;
  const { changed, present, count, since } = check;
  for (const record of changed) rows.set(record.id, toRow(record));
  if (present) {
    const ids = new Set(present);
    for (const id of rows.ids()) if (!ids.has(id)) rows.delete(id);
  }
  // What the log cannot say, the count can: a copy that does not add up is not used.
  if (rows.size !== count) return null;
  const rewrite = since.behind > REWRITE_BEHIND || changed.length > REWRITE_ROWS || present !== null;
  return { rows, rewriteAs: rewrite ? since.latest : null, stale: now - kept.builtAt > CHECK_AFTER_MS };
}

/**
 * Keeps `rows` for the next visit, encoded a slice per idle period (a large library's rows are
 * tens of megabytes of text). Stops, keeping nothing, when `stillTrue` says the page began reading
 * the library again (an import): that read keeps its own copy.
 */
function keepRows(
  rows: readonly ResourceRow[],
  about: Omit<PersistedIndex, 'parts' | 'count'>,
  store: IndexStore,
  whenIdle: (work: () => void) => void,
  stillTrue: () => boolean,
  slice = PERSIST_SLICE,
): Promise<boolean> {
  return new Promise((resolve) => {
    const parts: Blob[] = [];
    let next = 0;
    const encodeSlice = () => {
      if (!stillTrue()) return resolve(false);
      const end = Math.min(next + slice, rows.length);
      parts.push(new Blob([encodeRows(rows.slice(next, end))], { type: 'application/json' }));
      next = end;
      if (next < rows.length) return whenIdle(encodeSlice);
      store.write({ ...about, count: rows.length, parts }).then(
        () => resolve(true),
        () => resolve(false),
      );
    };
    encodeSlice();
  });
}

export interface KeepOptions {
  /** Where the copy is kept: by default its own database. */
  store?: IndexStore;
  /** Which code writes it: by default the row format, the database's and the extension's versions. */
  format?: string;
  /** When a copy is written: when the page is idle. */
  whenIdle?: (work: () => void) => void;
  /** Rows encoded per idle period (one part of the copy each). */
  slice?: number;
  now?: () => number;
}

/** What the library's index tells the copy when it is written. */
export interface IndexState {
  /** Every record read and every change taken in: the rows may be kept now. */
  settled(): boolean;
  rows(): readonly ResourceRow[];
  /** False once the library began to be read again: the copy being written is dropped. */
  stillTrue(): boolean;
}

const defaultWhenIdle = (work: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
};

/** The library index's copy between visits: found, brought up to date and written again. */
export class KeptIndex {
  private readonly store: IndexStore;
  private readonly format: string;
  private readonly whenIdle: (work: () => void) => void;
  /** What the next write will claim: the log's token and when the rows were read whole (null: none waiting). */
  private wanted: { token: string; builtAt: number } | null = null;

  constructor(private readonly options: KeepOptions) {
    this.store = options.store ?? indexStore();
    this.format = options.format ?? `${ROW_FORMAT}:${DB_VERSION}:${browser.runtime.getManifest().version}`;
    this.whenIdle = options.whenIdle ?? defaultWhenIdle;
  }

  /** The kept copy, when this code wrote it (its rows are read from disk by `restore`). */
  lookUp(): Promise<PersistedIndex | undefined> {
    return readKept(this.store, this.format);
  }

  /** The kept rows brought up to date; `onCount`: the store's count, as soon as it is known. */
  restore(reads: KeptReads, kept: PersistedIndex, onCount?: (count: number) => void) {
    return bringUpToDate(reads, kept, this.store, this.now(), onCount);
  }

  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  latestWrite(reads: KeptReads): Promise<string | undefined> {
    return reads.latestWrite();
  }

  /**
   * Writes the index's rows, as of the log's entry `token`, once the page is idle and the index
   * settled; `builtAt`: when they were last read from every record.
   */
  keepSoon(token: string, builtAt: number, index: IndexState): void {
    const first = this.wanted === null;
    this.wanted = { token, builtAt };
    if (!first) return;
    const attempt = () => {
      if (!index.settled()) return this.whenIdle(attempt);
      const about = { format: this.format, ...this.wanted! };
      this.wanted = null;
      void keepRows(index.rows(), about, this.store, this.whenIdle, index.stillTrue, this.options.slice).then(
        (kept) => {
          // For the benchmark: from now on a visit can start from the copy.
          if (kept) performance.mark?.('library:index-kept');
        },
      );
    };
    this.whenIdle(attempt);
  }
}
