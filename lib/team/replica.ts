/// <reference types="pouchdb-browser" />
import type { SyncAccount } from '../settings';
import { classifyError, databaseUrl } from '../sync/remote';
import {
  type Credentials,
  type Db,
  forgetLocalCopy,
  liveBackOff,
  localDb,
  localName,
  readCredentials,
  remoteDb,
  updateStatus,
} from '../sync/session';

/**
 * The team space's database as this browser holds it: replicated whole into a local PouchDB (it
 * is small: what members published and their checks), read here, and written one document of
 * the user's own at a time. Its copies open through lib/sync/session.ts, so they share the page's
 * connections with the library's sync; like it, this loads only on use, never while no team
 * space is connected.
 */

/** The connected account's credentials, when it has a team space. */
export async function readTeamCredentials(): Promise<Credentials | null> {
  const credentials = await readCredentials();
  return credentials?.account.teamDatabase ? credentials : null;
}

function teamLocalName(account: SyncAccount): string {
  return localName(account, 'team', account.teamDatabase ?? '');
}

function openTeamDatabases(credentials: Credentials): { local: Db; remote: Db } | null {
  const { account, password } = credentials;
  if (!account.teamDatabase) return null;
  return {
    local: localDb(teamLocalName(account)),
    remote: remoteDb(databaseUrl(account.server, account.teamDatabase), account.user, password),
  };
}

/**
 * The team database, both ways. A sync pass runs it inside its lock once the library is in step
 * (lib/app/sync-pass.ts); the Team page runs it at open. A failure is the status's, not thrown.
 */
export async function syncTeam(credentials: Credentials): Promise<void> {
  const team = openTeamDatabases(credentials);
  if (!team) return;
  try {
    await team.local.replicate.to(team.remote);
    await team.local.replicate.from(team.remote);
    await updateStatus({ teamSyncedAt: Date.now(), teamError: null });
  } catch (error) {
    await updateStatus({ teamError: classifyError(error, true) });
  }
}

/**
 * Live while a library page is open: the team database replicated both ways as it changes,
 * `onChange` after each change. Returns the stop.
 */
export function syncTeamLive(onChange: () => void): () => void {
  let stopped = false;
  let live: PouchDB.Replication.Sync<Record<string, unknown>> | null = null;
  void readCredentials().then((credentials) => {
    if (!credentials || stopped) return;
    const team = openTeamDatabases(credentials);
    if (!team) return;
    live = team.local.sync(team.remote, { live: true, retry: true, back_off_function: liveBackOff });
    live.on('change', () => onChange());
  });
  return () => {
    stopped = true;
    live?.cancel();
  };
}

/** The design document scripts/team-setup.mjs installs: the team's rules. */
const RULES_ID = '_design/learning-loop';

/**
 * The team's documents as this browser holds them (replicated whole), and the version of the
 * team's rules in its design document: 0 for rules from before versions, null when this copy has
 * no rules (none installed, or nothing replicated yet).
 */
export async function readTeamDocs(
  credentials: Credentials,
): Promise<{ docs: unknown[]; rulesVersion: number | null }> {
  if (!credentials.account.teamDatabase) return { docs: [], rulesVersion: null };
  const all = await localDb(teamLocalName(credentials.account)).allDocs({ include_docs: true });
  let rulesVersion: number | null = null;
  const docs: unknown[] = [];
  for (const row of all.rows) {
    if (!row.doc) continue;
    if (row.id === RULES_ID) {
      const version = (row.doc as { rulesVersion?: unknown }).rulesVersion;
      rulesVersion = typeof version === 'number' && Number.isInteger(version) ? version : 0;
    } else if (!row.id.startsWith('_')) docs.push(row.doc);
  }
  return { docs, rulesVersion };
}

/** Write (or with `deleted`, remove) one of the user's own team documents, then replicate. */
export async function writeTeamDoc(
  credentials: Credentials,
  doc: { _id: string } & Record<string, unknown>,
  deleted = false,
): Promise<void> {
  const team = openTeamDatabases(credentials);
  if (!team) return;
  try {
    const current = (await team.local.get(doc._id).catch(() => null)) as { _rev: string } | null;
    if (deleted) {
      // Removed on the server directly too: pouchdb-server (unlike CouchDB) drops a replicated
      // deletion in a database with a validation document. Offline, the local deletion replicates later.
      const there = (await team.remote.get(doc._id).catch(() => null)) as { _rev: string } | null;
      if (there) await team.remote.remove(doc._id, there._rev).catch(() => undefined);
      if (current) await team.local.remove(doc._id, current._rev);
    } else {
      await team.local.put({ ...doc, ...(current ? { _rev: current._rev } : {}) } as never);
    }
    await team.local.replicate.to(team.remote);
    await updateStatus({ teamSyncedAt: Date.now(), teamError: null });
  } catch (error) {
    console.warn('Learning Loop: the team space did not take the change', error);
    await updateStatus({ teamError: classifyError(error, true) });
    throw error;
  }
}

/** Disconnect: this browser forgets its copy of the team space (the server keeps it). */
export async function forgetTeamCopy(account: SyncAccount): Promise<void> {
  if (account.teamDatabase) await forgetLocalCopy(teamLocalName(account));
}
