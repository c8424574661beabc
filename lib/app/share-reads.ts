import {
  allActions,
  resourcesByIds,
  resourcesChangedSince,
  resourcesSharedBetween,
  unsharedTeachCandidates,
} from '../db/digest';
import { getReflection } from '../db/reflections';
import { cardsChangedSince } from '../db/stats';
import type { Action } from '../model/action';
import type { Resource } from '../model/resource';
import type { Period } from '../share/period';
import {
  actionsForResources as actionsOf,
  collectDigest as digestOf,
  collectResourceDigest as resourceDigestOf,
  type Digest,
  type DigestOptions,
  type DigestReads,
  teachForward,
} from '../share/digest';

/* What the team page reads to share: the digest and "Teach it forward" (lib/share/digest.ts). */

export { anythingShared } from '../db/digest';

const reads: DigestReads = {
  changedSince: (since) => resourcesChangedSince(since),
  sharedBetween: (start, end) => resourcesSharedBetween(start, end),
  resources: (ids) => resourcesByIds(ids),
  actions: () => allActions(),
  reflection: (id) => getReflection(id),
  cardsChangedSince: (since) => cardsChangedSince(since),
};

/**
 * What the team said it tried in the period from what was shared, with a team space; none without
 * one, or when its copy cannot be read (the digest goes on without the line).
 */
async function teamTriedIn(period: Period): Promise<DigestOptions['teamTried']> {
  try {
    const { hasTeamSpace, readTeamSpace } = await import('./team');
    // No team space, no team code: the check reads one storage item.
    if (!(await hasTeamSpace())) return [];
    const space = await readTeamSpace(false);
    if (!space) return [];
    const { triedBetween } = await import('../team/news');
    return triedBetween(space.items, space.reactions, period.start, period.end);
  } catch {
    return [];
  }
}

/** The period's real work, oldest first (lib/share/period-work.ts says what counts). */
export async function collectDigest(period: Period, options: DigestOptions = {}): Promise<Digest> {
  const teamTried = options.teamTried ?? (await teamTriedIn(period));
  return digestOf(period, reads, { ...options, teamTried });
}

/** One resource, posted on its own ("teach it forward"). */
export function collectResourceDigest(resource: Resource, options: DigestOptions = {}): Promise<Digest> {
  return resourceDigestOf(resource, reads, options);
}

/** Actions made from each of these resources, for digests built later without a database read. */
export function actionsForResources(resources: readonly Resource[]): Promise<Map<string, Action[]>> {
  return actionsOf(resources, reads);
}

/** What has something to teach and is not shared yet, most recently taught first: "Teach it forward". */
export async function listTeachForward(): Promise<Resource[]> {
  return teachForward(await unsharedTeachCandidates());
}
