import { allActions, learnedResources, resourcesSharedBetween } from '../db/digest';
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

export { anythingLearned } from '../db/digest';

const reads: DigestReads = {
  learned: () => learnedResources(),
  sharedBetween: (start, end) => resourcesSharedBetween(start, end),
  actions: () => allActions(),
  reflection: (id) => getReflection(id),
  cardsChangedSince: (since) => cardsChangedSince(since),
};

/** What was learned or shared in the period, oldest first. */
export function collectDigest(period: Period, options: DigestOptions = {}): Promise<Digest> {
  return digestOf(period, reads, options);
}

/** One resource, posted on its own ("teach it forward"). */
export function collectResourceDigest(resource: Resource, options: DigestOptions = {}): Promise<Digest> {
  return resourceDigestOf(resource, reads, options);
}

/** Actions made from each of these resources, for digests built later without a database read. */
export function actionsForResources(resources: readonly Resource[]): Promise<Map<string, Action[]>> {
  return actionsOf(resources, reads);
}

/** Learned but not shared yet, most recently learned first: what "Teach it forward" offers. */
export async function listTeachForward(): Promise<Resource[]> {
  return teachForward(await learnedResources());
}
