import { pageFromUrl } from '../capture/page-from-url';
import { capLine } from '../infra/limits';
import { getResource } from '../db/resources';
import { formatDate, formatNumber, type PluralKey, t, tn } from '../i18n';
import { describeWriteError } from '../i18n/write-errors';
import type { Assessment } from '../model/assessment';
import type { Resource } from '../model/resource';
import { syncAccount, teamPublishChoice, type TeamPublishChoice } from '../settings';
import { TEAM_RULES_VERSION, type TeamList, type TeamRefusal } from '../team/bounds';
import {
  checkId,
  checkTeamDocWhy,
  type SharedCheck,
  sharedCheckOf,
  type SharedItem,
  sharedItemId,
  type TeamCut,
  teamCopyOf,
  type TeamInclude,
  teamSummary,
} from '../team/documents';
import { groupReactions } from '../team/news';
import type { ReactionKind, TeamReaction } from '../team/reactions';
import { committed } from './commit';
import { saveCapturedPage } from './resources';
import { addTakeaways } from './takeaways';

/**
 * The team space (docs/TEAM-SPACE.md), as pages use it: publishing to it, reading it, saving a
 * teammate's item here, the publish choice. The team's database (lib/team/replica.ts, with
 * PouchDB) loads only on use, never in a page's first render; nothing runs while no team space
 * is connected. Its news reaches views by its own path, `onTeamChange` (lib/team/changes.ts).
 */
let replicaModule: Promise<typeof import('../team/replica')> | undefined;
// One import, kept: calls at once share it (vitest's module mocks race on concurrent first imports).
const replica = () => {
  replicaModule ??= import('../team/replica');
  return replicaModule;
};

export { onTeamChange } from '../team/changes';
export { syncAccount, teamPublishChoice };
export type { SharedItem, SharedCheck, TeamInclude, TeamCut, TeamRefusal, TeamReaction, ReactionKind };

export async function saveTeamPublishChoice(choice: TeamPublishChoice): Promise<void> {
  await teamPublishChoice.setValue(choice);
  await committed({ items: ['teamPublishChoice'] });
}

async function teamCredentials() {
  const { readTeamCredentials } = await replica();
  return readTeamCredentials();
}

export async function hasTeamSpace(): Promise<boolean> {
  const account = await syncAccount.getValue();
  return account?.teamDatabase !== null && account?.teamDatabase !== undefined;
}

export type PublishOutcome = { ok: true; cut: TeamCut[] } | { ok: false };

/**
 * Put the team copy of a resource in the team space (what `include` allows, nothing private),
 * within the team's caps: `cut` lists what was left out, for `describePublish` to tell the user.
 */
export async function publishToTeam(
  resourceId: string,
  include: TeamInclude,
  now = Date.now(),
): Promise<PublishOutcome> {
  const credentials = await teamCredentials();
  const resource = await getResource(resourceId);
  if (!credentials || !resource) return { ok: false };
  const { writeTeamDoc } = await replica();
  const { item, cut } = teamCopyOf(resource, credentials.account.user, include, now);
  await writeTeamDoc(credentials, item as never);
  await committed({ items: ['syncStatus'] });
  return { ok: true, cut };
}

const CUT_TEXT: Record<TeamList, PluralKey> = {
  takeaways: 'teamCutTakeaways',
  quotes: 'teamCutQuotes',
  clips: 'teamCutClips',
};

/** "Published to the team space. First 50 of 120 quotes shared (the team space takes 50)." */
export function describePublish(outcome: { cut: readonly TeamCut[] }): string {
  return [
    t('teamPublished'),
    ...outcome.cut.map((c) => tn(CUT_TEXT[c.list], c.of, formatNumber(c.sent), formatNumber(c.of))),
  ].join(' ');
}

export async function unpublishFromTeam(resourceId: string): Promise<void> {
  const credentials = await teamCredentials();
  if (!credentials) return;
  const { writeTeamDoc } = await replica();
  await writeTeamDoc(credentials, { _id: sharedItemId(credentials.account.user, resourceId) }, true);
  await committed({ items: ['syncStatus'] });
}

/** Share a monthly check's scores with the team (opt-in per check; it replaces the one shared before). */
export async function shareCheckWithTeam(assessment: Assessment): Promise<void> {
  const credentials = await teamCredentials();
  if (!credentials) return;
  const { writeTeamDoc } = await replica();
  await writeTeamDoc(credentials, sharedCheckOf(assessment, credentials.account.user) as never);
  await committed({ items: ['syncStatus'] });
}

export async function unshareCheck(): Promise<void> {
  const credentials = await teamCredentials();
  if (!credentials) return;
  const { writeTeamDoc } = await replica();
  await writeTeamDoc(credentials, { _id: checkId(credentials.account.user) }, true);
  await committed({ items: ['syncStatus'] });
}

export interface TeamSpace {
  me: string;
  /** Everyone's published items, newest first (the user's own too, marked by `author`). */
  items: SharedItem[];
  checks: SharedCheck[];
  summary: ReturnType<typeof teamSummary>;
  /** Reactions by the id of the shared item they are about, oldest first (only items still shared). */
  reactions: Record<string, TeamReaction[]>;
  /** Reactions to items no longer (or never) shared: left out, counted. */
  orphanReactions: number;
  /** Documents that failed the checks, left out: how many, by why, and whose (as their ids say). */
  refused: { why: TeamRefusal; count: number; authors: string[] }[];
  /**
   * When the server's rules are older than this version's (or missing), the command its admin runs
   * to update them: until then the server takes documents every member's browser refuses.
   */
  setupCommand: string | null;
}

/** Who wrote a refused document, as its id says (the validation function ties the id to the writer). */
function authorOfId(doc: unknown): string | null {
  const id = typeof doc === 'object' && doc !== null ? (doc as { _id?: unknown })._id : undefined;
  if (typeof id !== 'string') return null;
  const author = /^(?:(?:shared|reaction)\/([^/]{1,200})\/|check\/(.{1,200})$)/.exec(id);
  return author ? (author[1] ?? author[2] ?? null) : null;
}

/** The team space as this browser holds it; `refresh` first brings the server's news. */
export async function readTeamSpace(refresh = false): Promise<TeamSpace | null> {
  const credentials = await teamCredentials();
  if (!credentials) return null;
  const { readTeamDocs, syncTeam } = await replica();
  if (refresh) await syncTeam(credentials);
  const { docs, rulesVersion } = await readTeamDocs(credentials);
  const items: SharedItem[] = [];
  const checks: SharedCheck[] = [];
  const reactions: TeamReaction[] = [];
  const refused = new Map<TeamRefusal, { why: TeamRefusal; count: number; authors: string[] }>();
  for (const doc of docs) {
    const checked = checkTeamDocWhy(doc);
    if (checked.ok) {
      if (checked.doc.type === 'shared') items.push(checked.doc);
      else if (checked.doc.type === 'check') checks.push(checked.doc);
      else reactions.push(checked.doc);
      continue;
    }
    // A newer version's kind of document: nothing wrong with it, nothing to say about it.
    if (checked.why === 'newer-type') continue;
    const entry = refused.get(checked.why) ?? { why: checked.why, count: 0, authors: [] };
    entry.count++;
    const author = authorOfId(doc);
    if (author && !entry.authors.includes(author)) entry.authors.push(author);
    refused.set(checked.why, entry);
  }
  items.sort((a, b) => b.sharedAt - a.sharedAt);
  const grouped = groupReactions(items, reactions);
  return {
    me: credentials.account.user,
    items,
    checks,
    reactions: grouped.byItem,
    orphanReactions: grouped.orphans,
    summary: teamSummary(checks),
    refused: [...refused.values()],
    // A copy with documents but no rules was replicated from a team database set up without them.
    setupCommand: (rulesVersion === null ? docs.length > 0 : rulesVersion < TEAM_RULES_VERSION)
      ? teamSetupCommand(credentials.account)
      : null,
  };
}

const REFUSAL_TEXT: Record<TeamRefusal, Parameters<typeof t>[0]> = {
  'too-large': 'teamRefusedTooLarge',
  'clip-time': 'teamRefusedClipTime',
  unreadable: 'teamRefusedUnreadable',
  'not-theirs': 'teamRefusedNotTheirs',
};

/** A teammate's name inside a sentence: short, and isolated (FSI … PDI) so its direction stays its own. */
const isolatedName = (name: string) => `\u2068${capLine(name, 50)}\u2069`;

/** "2 items from the team could not be shown: too large. Published by bob." One line per reason. */
export function describeRefused(entry: TeamSpace['refused'][number]): string {
  const line = tn('teamRefused', entry.count, formatNumber(entry.count), t(REFUSAL_TEXT[entry.why]));
  if (!entry.authors.length) return line;
  const names = entry.authors.slice(0, 3).map(isolatedName).join(', ') + (entry.authors.length > 3 ? ', …' : '');
  return `${line} ${t('teamRefusedFrom', names)}`;
}

/** What the team's admin runs to install this version's rules (docs/TEAM-SPACE.md). */
export function teamSetupCommand(account: { server: string; teamDatabase: string | null }): string {
  return `npm run team:setup -- --server ${account.server} --admin <admin>:<password> --team ${account.teamDatabase ?? '<team>'} --members <names>`;
}

/** Why Save to my library could not save a teammate's item. */
export type SaveRefusal = 'address' | 'activity-type' | 'day' | 'title' | 'write';

export type SaveFromTeamOutcome = { ok: true; resource: Resource } | { ok: false; why: SaveRefusal; message: string };

const SAVE_REFUSAL_TEXT: Record<Exclude<SaveRefusal, 'write'>, Parameters<typeof t>[0]> = {
  address: 'teamSaveRefusedAddress',
  'activity-type': 'teamSaveRefusedActivityType',
  day: 'teamSaveRefusedDay',
  title: 'teamSaveRefusedTitle',
};

function refuseSave(why: Exclude<SaveRefusal, 'write'>): SaveFromTeamOutcome {
  return { ok: false, why, message: t(SAVE_REFUSAL_TEXT[why]) };
}

/**
 * A teammate's item becomes the user's own resource, the source noted first in its notes. What
 * cannot be saved says why (an address that is not a web page's, an activity of a type this
 * version does not know, a day that is not a real one or has not come yet, a failed write).
 */
export async function saveFromTeam(item: SharedItem, now = Date.now()): Promise<SaveFromTeamOutcome> {
  const source = t('teamSavedSource', item.author, formatDate(item.sharedAt));
  let resource: Resource | undefined;
  try {
    if (item.url) {
      const page = pageFromUrl(item.url, item.title);
      if (!page) return refuseSave('address');
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
      if (!logged.ok) {
        const problems = logged.problems;
        return refuseSave(
          problems.includes('type') ? 'activity-type' : problems.includes('happenedOn') ? 'day' : 'title',
        );
      }
      resource = logged.resource;
    }
    if (item.takeaways?.length)
      resource = (await addTakeaways(resource.id, item.takeaways.join('\n'), now)) ?? resource;
  } catch (error) {
    return { ok: false, why: 'write', message: describeWriteError(error) };
  }
  return { ok: true, resource };
}
