import { pageFromUrl } from '../capture/page-from-url';
import { getResource } from '../db/resources';
import { formatDate, t } from '../i18n';
import type { Assessment } from '../model/assessment';
import type { Resource } from '../model/resource';
import { syncAccount, teamPublishChoice, type TeamPublishChoice } from '../settings';
import {
  checkId,
  checkTeamDoc,
  type SharedCheck,
  sharedCheckOf,
  type SharedItem,
  sharedItemId,
  sharedItemOf,
  type TeamInclude,
  teamSummary,
} from '../team/documents';
import { committed } from './commit';
import { saveCapturedPage } from './resources';
import { addTakeaways } from './takeaways';

/**
 * The team space (docs/TEAM-SPACE.md), as pages use it: publishing to it, reading it, saving a
 * teammate's item here, the publish choice. The team's database (lib/team/replica.ts, with
 * PouchDB) loads only on use, never in a page's first render; nothing runs while no team space
 * is connected. Its news reaches views by its own path, `onTeamChange` (lib/team/changes.ts).
 */
const replica = () => import('../team/replica');

export { onTeamChange } from '../team/changes';
export { syncAccount, teamPublishChoice };
export type { SharedItem, SharedCheck, TeamInclude };

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

/** Put the team copy of a resource in the team space (what `include` allows, nothing private). */
export async function publishToTeam(resourceId: string, include: TeamInclude, now = Date.now()): Promise<boolean> {
  const credentials = await teamCredentials();
  const resource = await getResource(resourceId);
  if (!credentials || !resource) return false;
  const { writeTeamDoc } = await replica();
  await writeTeamDoc(credentials, sharedItemOf(resource, credentials.account.user, include, now) as never);
  await committed({ items: ['syncStatus'] });
  return true;
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
  /** Documents that failed the checks: left out. */
  refused: number;
}

/** The team space as this browser holds it; `refresh` first brings the server's news. */
export async function readTeamSpace(refresh = false): Promise<TeamSpace | null> {
  const credentials = await teamCredentials();
  if (!credentials) return null;
  const { readTeamDocs, syncTeam } = await replica();
  if (refresh) await syncTeam(credentials);
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
