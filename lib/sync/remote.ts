import type { SyncErrorKind } from '../settings';

/**
 * The server side of sync, without PouchDB: the address rules, the user's database name, the
 * sign-in check, the capability probe and the words for what went wrong. Loaded by Settings on
 * Connect and by the sync module.
 */

/** https anywhere; plain http only to this machine (a server for testing or a tunnel). */
export function parseServer(input: string): URL | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return url;
  return null;
}

/** The address without a trailing slash: `https://couch.example.org` or `…/couch`. */
export function serverBase(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** What the browser is asked to allow: that one origin, any path. */
export function serverPermission(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** CouchDB's `couch_peruser` names each user's database `userdb-` and the name in hex. */
export function perUserDatabase(user: string): string {
  return `userdb-${[...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** CouchDB's rule for database names (lower case, starting with a letter). */
export function isDatabaseName(name: string): boolean {
  return /^[a-z][a-z0-9_$()+/-]{0,237}$/.test(name);
}

export function databaseUrl(server: string, database: string): string {
  return `${server}/${encodeURIComponent(database)}`;
}

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message = kind,
  ) {
    super(message);
  }
}

/** What a PouchDB or fetch failure means to the user. */
export function classifyError(error: unknown, team = false): SyncErrorKind {
  if (error instanceof SyncError) return error.kind;
  const status =
    typeof error === 'object' && error !== null && 'status' in error
      ? Number((error as { status: unknown }).status)
      : 0;
  if (status === 401) return team ? 'not-member' : 'signed-out';
  if (status === 403) return team ? 'not-member' : 'signed-out';
  if (status === 404) return 'no-database';
  if (status >= 500 || status === 0) return 'unreachable';
  return 'failed';
}

type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

async function request(fetcher: Fetcher, url: string, auth: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetcher(url, {
      ...init,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: auth },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new SyncError('unreachable');
  }
}

/**
 * Sign in and check what the server can do, before anything is sent: the name and password
 * (`_session`), the database (it must exist: `couch_peruser` or the admin makes it), and the
 * replication API by what the server answers, not by its version string (`_revs_diff` must
 * answer; `_bulk_get` is used when it does).
 */
export async function checkServer(
  server: string,
  user: string,
  password: string,
  databases: { own: string; team: string | null },
  fetcher: Fetcher = globalThis.fetch.bind(globalThis),
): Promise<{ team: SyncErrorKind | null }> {
  const auth = basicAuth(user, password);
  const session = await request(fetcher, `${server}/_session`, auth);
  if (session.status === 401) throw new SyncError('signed-out');
  if (!session.ok) throw new SyncError(session.status === 404 ? 'no-replication' : 'unreachable');
  const info = (await session.json().catch(() => null)) as { userCtx?: { name?: unknown } } | null;
  if (info?.userCtx?.name !== user) throw new SyncError('signed-out');
  await checkDatabase(fetcher, server, databases.own, auth, false);
  let team: SyncErrorKind | null = null;
  if (databases.team) {
    try {
      await checkDatabase(fetcher, server, databases.team, auth, true);
    } catch (error) {
      team = classifyError(error, true);
    }
  }
  return { team };
}

async function checkDatabase(
  fetcher: Fetcher,
  server: string,
  database: string,
  auth: string,
  team: boolean,
): Promise<void> {
  const url = databaseUrl(server, database);
  const db = await request(fetcher, url, auth);
  if (db.status === 401 || db.status === 403) throw new SyncError(team ? 'not-member' : 'signed-out');
  if (db.status === 404) throw new SyncError('no-database');
  if (!db.ok) throw new SyncError('unreachable');
  const revsDiff = await request(fetcher, `${url}/_revs_diff`, auth, { method: 'POST', body: '{}' });
  if (revsDiff.status === 401 || revsDiff.status === 403) throw new SyncError(team ? 'not-member' : 'signed-out');
  if (!revsDiff.ok) throw new SyncError('no-replication');
  const body = await revsDiff.json().catch(() => null);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SyncError('no-replication');
}
