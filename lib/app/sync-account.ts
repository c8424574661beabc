import { browser } from 'wxt/browser';
import { getResource } from '../db/resources';
import { formatDate, t } from '../i18n';
import {
  syncAccount,
  syncPassword,
  syncStatus,
  EMPTY_SYNC_STATUS,
  teamPublishChoice,
  type SyncAccount,
  type TeamPublishChoice,
} from '../settings';
import { clearOutbox, markEverything, readOutbox } from '../sync/outbox';
import { onDbChange } from '../db/changes';
import {
  checkServer,
  isDatabaseName,
  parseServer,
  perUserDatabase,
  serverBase,
  serverPermission,
  SyncError,
} from '../sync/remote';
import {
  checkTeamDoc,
  sharedCheckOf,
  sharedItemOf,
  sharedItemId,
  checkId,
  teamSummary,
  type SharedCheck,
  type SharedItem,
  type TeamInclude,
} from '../sync/team';
import type { SyncErrorKind } from '../settings';
import type { Assessment } from '../model/assessment';
import type { Resource } from '../model/resource';
import { pageFromUrl } from '../capture/page-from-url';
import { committed } from './commit';
import { saveCapturedPage } from './resources';
import { addTakeaways } from './takeaways';
import { startLiveSync, syncNow } from './sync-pass';

/**
 * Sync and team space, as pages use them. PouchDB is loaded only here, on use
 * (`lib/sync/session.ts`), never in a page's first render; nothing runs while no server is set.
 */
const session = () => import('../sync/session');

export { applyFromServer, startLiveSync, syncNow } from './sync-pass';

export { syncAccount, syncStatus, teamPublishChoice };
export type { SharedItem, SharedCheck, TeamInclude };

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
 * Ask the browser for the server's one origin. Call it in the click handler before any `await`:
 * the prompt only shows during the user's gesture.
 */
export function requestServerPermission(server: string): Promise<boolean> {
  const url = parseServer(server);
  if (!url) return Promise.resolve(false);
  try {
    return Promise.resolve(browser.permissions.request({ origins: [serverPermission(url)] })).then(
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
  if (account) await (await session()).forgetLocalCopies(account);
  await committed({ items: ['syncAccount', 'syncPassword', 'syncStatus'] });
}

/** A new password after a 401 (changed on the server). */
export async function updateSyncPassword(password: string): Promise<void> {
  await syncPassword.setValue(password);
  await committed({ items: ['syncPassword'] });
  void syncNow();
}

export async function saveTeamPublishChoice(choice: TeamPublishChoice): Promise<void> {
  await teamPublishChoice.setValue(choice);
  await committed({ items: ['teamPublishChoice'] });
}

async function teamCredentials() {
  const { readCredentials } = await session();
  const credentials = await readCredentials();
  return credentials?.account.teamDatabase ? credentials : null;
}

export async function hasTeamSpace(): Promise<boolean> {
  const account = await syncAccount.getValue();
  return account?.teamDatabase !== null && account?.teamDatabase !== undefined;
}

/** Put the team copy of a resource in the team space (what `include` allows, nothing private). */
export async function publishToTeam(resourceId: string, include: TeamInclude, now = Date.now()): Promise<boolean> {
  const credentials = await teamCredentials();
  const resource = await getResource(resourceId);
  if (!credentials || !resource) return false;
  const { writeTeamDoc } = await session();
  await writeTeamDoc(credentials, sharedItemOf(resource, credentials.account.user, include, now) as never);
  await committed({ items: ['syncStatus'] });
  return true;
}

export async function unpublishFromTeam(resourceId: string): Promise<void> {
  const credentials = await teamCredentials();
  if (!credentials) return;
  const { writeTeamDoc } = await session();
  await writeTeamDoc(credentials, { _id: sharedItemId(credentials.account.user, resourceId) }, true);
  await committed({ items: ['syncStatus'] });
}

/** Share a monthly check's scores with the team (opt-in per check; it replaces the one shared before). */
export async function shareCheckWithTeam(assessment: Assessment): Promise<void> {
  const credentials = await teamCredentials();
  if (!credentials) return;
  const { writeTeamDoc } = await session();
  await writeTeamDoc(credentials, sharedCheckOf(assessment, credentials.account.user) as never);
  await committed({ items: ['syncStatus'] });
}

export async function unshareCheck(): Promise<void> {
  const credentials = await teamCredentials();
  if (!credentials) return;
  const { writeTeamDoc } = await session();
  await writeTeamDoc(credentials, { _id: checkId(credentials.account.user) }, true);
  await committed({ items: ['syncStatus'] });
}

export interface TeamSpace {
  me: string;
  /** Everyone's published items, newest first (the user's own too, marked by `author`). */
  items: SharedItem[];
  checks: SharedCheck[];
  summary: ReturnType<typeof teamSummary>;
  /** Documents that failed the checks: left out. */
  refused: number;
}

/** The team space as this browser holds it; `refresh` first brings the server's news. */
export async function readTeamSpace(refresh = false): Promise<TeamSpace | null> {
  const credentials = await teamCredentials();
  if (!credentials) return null;
  const { readTeamDocs, pullTeam } = await session();
  if (refresh) await pullTeam(credentials);
  const docs = await readTeamDocs(credentials);
  const items: SharedItem[] = [];
  const checks: SharedCheck[] = [];
  let refused = 0;
  for (const doc of docs) {
    const checked = checkTeamDoc(doc);
    if (!checked) refused++;
    else if (checked.type === 'shared') items.push(checked);
    else checks.push(checked);
  }
  items.sort((a, b) => b.sharedAt - a.sharedAt);
  return { me: credentials.account.user, items, checks, summary: teamSummary(checks), refused };
}

/** A teammate's item becomes the user's own resource, the source noted first in its notes. */
export async function saveFromTeam(item: SharedItem, now = Date.now()): Promise<Resource | undefined> {
  const source = t('teamSavedSource', item.author, formatDate(item.sharedAt));
  let resource: Resource | undefined;
  if (item.url) {
    const page = pageFromUrl(item.url, item.title);
    if (!page) return undefined;
    const result = await saveCapturedPage(
      {
        ...page,
        title: item.title,
        ...(item.site ? { site: item.site } : {}),
        ...(item.creator ? { author: item.creator } : {}),
        ...(item.durationSec !== undefined ? { durationSec: item.durationSec } : {}),
      },
      { notes: source },
      now,
    );
    resource = result.resource;
  } else {
    const { logActivity } = await import('./activities');
    const logged = await logActivity(
      {
        type: (item.activityType ?? 'other') as never,
        title: item.title,
        happenedOn: item.happenedOn ?? new Date(now).toISOString().slice(0, 10),
        notes: source,
      },
      now,
    );
    resource = logged.ok ? logged.resource : undefined;
  }
  if (resource && item.takeaways?.length)
    resource = (await addTakeaways(resource.id, item.takeaways.join('\n'), now)) ?? resource;
  return resource;
}

const teamEvents = new EventTarget();

/** The team space changed on the server (live while a library page is open). Returns the unsubscribe. */
export function onTeamChange(listener: () => void): () => void {
  teamEvents.addEventListener('change', listener);
  return () => teamEvents.removeEventListener('change', listener);
}

/** After a write here, a pass this much later: typing a note is one pass, not one per key. */
export const PAGE_SYNC_DEBOUNCE_MS = 2_000;
/** While a library page is open, a pass at least this often besides live replication. */
export const PAGE_SYNC_EVERY_MS = 45_000;

/**
 * A page opened with a server connected: one pass now; on a library page also live arrivals
 * and a pass shortly after each write made in any of this browser's pages. Returns the stop.
 */
export async function startPageSync(live: boolean): Promise<() => void> {
  if (!(await syncAccount.getValue())) return () => undefined;
  void syncNow();
  if (!live) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopChanges = onDbChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A change that came from the server marks nothing: no pass for it.
      void readOutbox().then((marks) => (marks.length ? syncNow() : undefined));
    }, PAGE_SYNC_DEBOUNCE_MS);
  });
  const stopLive = await startLiveSync(() => teamEvents.dispatchEvent(new Event('change')));
  // Live replication can stall behind a proxy or a sleeping laptop: a pass a minute keeps "the
  // same library within a minute" true regardless.
  const everyMinute = setInterval(() => void syncNow(), PAGE_SYNC_EVERY_MS);
  return () => {
    clearInterval(everyMinute);
    clearTimeout(timer);
    stopChanges();
    stopLive();
  };
}
