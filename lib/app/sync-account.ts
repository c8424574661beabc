import { browser } from 'wxt/browser';
import { originRequest, SYNC_DATA } from '../infra/data-collection';
import {
  EMPTY_SYNC_STATUS,
  type SyncAccount,
  syncAccount,
  type SyncErrorKind,
  syncPassword,
  syncStatus,
} from '../settings';
import { clearOutbox, markEverything } from '../sync/outbox';
import {
  checkServer,
  isDatabaseName,
  parseServer,
  perUserDatabase,
  serverBase,
  serverPermission,
  SyncError,
} from '../sync/remote';
import { committed } from './commit';
import { syncNow } from './sync-pass';

/**
 * The sync account, as Settings uses it: the form's checks, the browser's permission for the
 * server, connecting, disconnecting, a new password, a pass now. The library's own sync runs by
 * lib/app/sync-pass.ts; the team space's commands are lib/app/team.ts. PouchDB loads only on use
 * (lib/sync/session.ts, lib/team/replica.ts), never in a page's first render.
 */
const session = () => import('../sync/session');
const teamReplica = () => import('../team/replica');

export { syncNow } from './sync-pass';
export { syncAccount, syncStatus };

export interface ConnectInput {
  server: string;
  user: string;
  password: string;
  database: string;
  teamDatabase: string;
}

export type ConnectProblem = 'server' | 'user' | 'password' | 'database' | 'teamDatabase';

export function checkConnectInput(input: ConnectInput): ConnectProblem[] {
  const problems: ConnectProblem[] = [];
  if (!parseServer(input.server)) problems.push('server');
  if (!input.user.trim()) problems.push('user');
  if (!input.password) problems.push('password');
  if (input.database.trim() && !isDatabaseName(input.database.trim())) problems.push('database');
  if (input.teamDatabase.trim() && !isDatabaseName(input.teamDatabase.trim())) problems.push('teamDatabase');
  return problems;
}

/**
 * Ask the browser for the server's one origin and, in Firefox, consent to send what sync sends
 * (lib/infra/data-collection.ts). Call it in the click handler before any `await`: the prompt
 * only shows during the user's gesture.
 */
export function requestServerPermission(server: string, isFirefox = import.meta.env.FIREFOX): Promise<boolean> {
  const url = parseServer(server);
  if (!url) return Promise.resolve(false);
  try {
    return Promise.resolve(
      browser.permissions.request(originRequest(serverPermission(url), SYNC_DATA, isFirefox)),
    ).then(
      (granted) => granted === true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Sign in, check the server, store the account (the password in this browser only) and send
 * everything on the first pass. Throws a SyncError whose kind the page puts in words.
 */
export async function connectSync(input: ConnectInput, now = Date.now()): Promise<{ teamError: SyncErrorKind | null }> {
  const url = parseServer(input.server);
  if (!url) throw new SyncError('failed');
  const server = serverBase(url);
  const user = input.user.trim();
  const database = input.database.trim() || perUserDatabase(user);
  const teamDatabase = input.teamDatabase.trim() || null;
  const { team } = await checkServer(server, user, input.password, { own: database, team: teamDatabase });
  const account: SyncAccount = { server, user, database, teamDatabase: team ? null : teamDatabase, connectedAt: now };
  await syncPassword.setValue(input.password);
  await syncAccount.setValue(account);
  await syncStatus.setValue({ ...EMPTY_SYNC_STATUS, teamError: team });
  await markEverything();
  await committed({ items: ['syncAccount', 'syncStatus'] });
  // The first pass: pages watching the account start their own sync too (lib/app/sync-start.ts).
  void syncNow();
  return { teamError: team };
}

/** Forget the server here: the library stays as it is; the server keeps its copy. */
export async function disconnectSync(): Promise<void> {
  const account = await syncAccount.getValue();
  await syncAccount.setValue(null);
  await syncPassword.setValue(null);
  await syncStatus.setValue(null);
  await clearOutbox();
  if (account) {
    await (await session()).forgetLocalCopies(account);
    await (await teamReplica()).forgetTeamCopy(account);
  }
  await committed({ items: ['syncAccount', 'syncPassword', 'syncStatus'] });
}

/** A new password after a 401 (changed on the server). */
export async function updateSyncPassword(password: string): Promise<void> {
  await syncPassword.setValue(password);
  await committed({ items: ['syncPassword'] });
  void syncNow();
}
