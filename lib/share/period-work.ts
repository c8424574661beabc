import type { Action } from '../model/action';
import { isDay } from '../model/activity';
import type { Clip } from '../model/clip';
import type { Quote } from '../model/quote';
import type { Resource } from '../model/resource';
import type { ReviewCard } from '../model/review-card';
import { itemOf } from '../model/review-card';
import type { Takeaway } from '../model/takeaway';
import { inPeriod, type Period } from './period';

/*
 * What a resource came to in a period, each part judged by its own time: a takeaway, quote or clip
 * by when it was made, an action by when it was done, an activity by its day, Learned and shared by
 * when they were marked. Imported items keep their source's times, so an import of old highlights
 * adds nothing to this week. Pure, so the digest's rule is tested apart from the database.
 */

/** Why a resource is in a period's digest. */
export type WorkReason = 'takeaway' | 'quote' | 'clip' | 'action' | 'logged' | 'learned' | 'shared' | 'applied';

export interface PeriodWork {
  resource: Resource;
  reasons: WorkReason[];
  takeaways: Takeaway[];
  quotes: Quote[];
  clips: Clip[];
  /** Actions from it done in the period, then those made in it and still open, oldest first. */
  actions: Action[];
  learned: boolean;
  shared: boolean;
  logged: boolean;
  /** Answers "applied" in the period to a review card of one of its items that still exists. */
  applied: number;
  /** The period's first moment of work on it: digests list oldest first. */
  first: number;
}

/** When an action was done; an action marked done before `doneAt` existed counts its last change. */
export function doneTime(action: Action): number | undefined {
  return action.status === 'done' ? (action.doneAt ?? action.updatedAt) : undefined;
}

/** Whether an action belongs in a period's digest: done in it, or made in it and still open. */
export function actionInPeriod(action: Action, period: Period): boolean {
  if (action.status === 'dropped') return false;
  if (action.status === 'done') return inPeriod(doneTime(action), period);
  return inPeriod(action.createdAt, period);
}

/** An activity's day (its creation's day when it has none) falls in the period (local days). */
export function loggedIn(resource: Resource, period: Period): boolean {
  return resource.kind === 'activity' && inPeriod(loggedTime(resource), period);
}

/** When a card was answered "applied" in the period. */
function appliedIn(card: ReviewCard, period: Period): number[] {
  return card.history.filter((entry) => entry.answer === 'applied' && inPeriod(entry.at, period)).map((e) => e.at);
}

/** Local midnight of an activity's day (its creation when it has none). */
function loggedTime(resource: Resource): number {
  if (!resource.happenedOn || !isDay(resource.happenedOn)) return resource.createdAt;
  const [y, m, d] = resource.happenedOn.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/**
 * What the resource came to in the period, or null when nothing did. `actions` are those made from
 * it (directly or through a reflection about it); `cards` its review cards (any may be absent).
 */
export function periodWork(
  resource: Resource,
  actions: readonly Action[],
  cards: readonly ReviewCard[],
  period: Period,
): PeriodWork | null {
  const takeaways = resource.takeaways.filter((item) => inPeriod(item.createdAt, period));
  const quotes = (resource.quotes ?? []).filter((item) => inPeriod(item.createdAt, period));
  const clips = resource.clips.filter((item) => inPeriod(item.createdAt, period));
  const listed = actions.filter((action) => actionInPeriod(action, period));
  const done = listed.filter((action) => action.status === 'done');
  const learned = resource.status === 'learned' && inPeriod(resource.learnedAt, period);
  const shared = inPeriod(resource.sharedAt, period);
  const logged = loggedIn(resource, period);
  // A card outlives a removed item: an answer counts only while its item is there to list.
  const appliedAt = cards
    .filter((card) => card.resourceId === resource.id && itemOf(resource, card))
    .flatMap((card) => appliedIn(card, period));
  const applied = appliedAt.length;

  const reasons: WorkReason[] = [];
  if (takeaways.length) reasons.push('takeaway');
  if (quotes.length) reasons.push('quote');
  if (clips.length) reasons.push('clip');
  if (done.length) reasons.push('action');
  if (logged) reasons.push('logged');
  if (learned) reasons.push('learned');
  if (shared) reasons.push('shared');
  if (applied) reasons.push('applied');
  if (!reasons.length) return null;

  const times = [
    ...takeaways.map((item) => item.createdAt),
    ...quotes.map((item) => item.createdAt),
    ...clips.map((item) => item.createdAt),
    ...done.map((action) => doneTime(action) ?? action.createdAt),
    ...(learned && resource.learnedAt !== undefined ? [resource.learnedAt] : []),
    ...(shared && resource.sharedAt !== undefined ? [resource.sharedAt] : []),
    ...(logged ? [loggedTime(resource)] : []),
    ...appliedAt,
  ];
  const when = (action: Action) => doneTime(action) ?? action.createdAt;
  return {
    resource,
    reasons,
    takeaways,
    quotes,
    clips,
    actions: [...done.sort((a, b) => when(a) - when(b)), ...listed.filter((a) => a.status === 'open')],
    learned,
    shared,
    logged,
    applied,
    first: Math.min(...times),
  };
}

/** What has something to teach (takeaways, quotes, clips or Learned) and is not shared yet. */
export function hasSomethingToTeach(resource: Resource): boolean {
  if (resource.sharedAt !== undefined) return false;
  return (
    resource.status === 'learned' ||
    resource.takeaways.length > 0 ||
    (resource.quotes?.length ?? 0) > 0 ||
    resource.clips.length > 0
  );
}

/** The last time it got something to teach: when it was learned or its newest item was made. */
export function lastTaught(resource: Resource): number {
  return Math.max(
    resource.status === 'learned' ? (resource.learnedAt ?? 0) : 0,
    ...resource.takeaways.map((item) => item.createdAt),
    ...(resource.quotes ?? []).map((item) => item.createdAt),
    ...resource.clips.map((item) => item.createdAt),
    0,
  );
}
