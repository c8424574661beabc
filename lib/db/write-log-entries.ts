/**
 * What changed among the resources, kept by the database itself, so a copy of them kept
 * elsewhere (the library's persisted search index) can tell whether it is still true, and if not,
 * which records to read again, without reading all of them.
 *
 * Every read-write transaction over `resources` that goes through the shared connection adds one
 * entry, in the same transaction: its token, the lowest `updatedAt` among the records it wrote,
 * and whether it deleted any. Nothing can write a resource past it, so every record that changed
 * after an entry has an `updatedAt` no lower than the lowest floor of the entries after it. That
 * holds for writes that keep a record's own, older time (sync, import, an undone delete), which a
 * "changed since" time range alone would miss.
 */
export interface ResourceWriteLog {
  entries: ResourceWrite[];
}

export interface ResourceWrite {
  token: string;
  /** The lowest `updatedAt` written; Infinity when nothing was put, -Infinity when unknown (a cursor). */
  floor: number;
  /** Records were deleted: which ones, only the store's keys can tell. */
  removed: boolean;
  /** The store was cleared (an import that replaces the library). */
  cleared: boolean;
}

export const WRITE_LOG_KEY = 'resourceWrites';
/** Entries kept: a copy older than this many write transactions reads everything again. */
export const WRITE_LOG_SIZE = 256;

export function isWriteLog(value: unknown): value is ResourceWriteLog {
  return typeof value === 'object' && value !== null && Array.isArray((value as ResourceWriteLog).entries);
}

/** What changed since the entry `token`, or null when that entry is no longer in the log. */
export function writesSince(
  log: ResourceWriteLog | undefined,
  token: string,
): { floor: number; removed: boolean; cleared: boolean; behind: number; latest: string } | null {
  const entries = log?.entries ?? [];
  const at = entries.findIndex((entry) => entry.token === token);
  if (at < 0) return null;
  const later = entries.slice(at + 1);
  return {
    floor: Math.min(Number.POSITIVE_INFINITY, ...later.map((entry) => entry.floor)),
    removed: later.some((entry) => entry.removed),
    cleared: later.some((entry) => entry.cleared),
    behind: later.length,
    latest: entries[entries.length - 1]!.token,
  };
}

/** The newest entry's token: where a copy read now stands. */
export function latestToken(log: ResourceWriteLog | undefined): string | undefined {
  return log?.entries[log.entries.length - 1]?.token;
}
