import type { ActivityType } from '../model/activity';
import type { Resource, ResourceStatus } from '../model/resource';
import { isActivityType, isDay, isIsbn, today } from '../model/activity';
import { capLine, capText, LIMITS, normaliseTags } from '../infra/limits';

/**
 * A learning activity: learning with no link (a workshop, a book, a day shadowing a colleague).
 * It is a resource of kind `activity` with no `url`: it joins the library, prompts, actions and
 * the digest like any resource, and never pretends to be a link.
 */

export { ACTIVITY_TYPES, type ActivityType } from '../model/activity';
export { dayTime, isActivityType, isDay, isIsbn, today } from '../model/activity';

/**
 * "What did you learn this week that has no link?" answered: the answer as an activity, its
 * first line the title (shortened), the whole answer its notes, the day it was answered.
 */
export function activityFromAnswer(answer: string, answeredAt: number): ActivityInput {
  const firstLine = answer.trim().split(/\r?\n/)[0] ?? '';
  return { type: 'other', title: capLine(firstLine, 120), happenedOn: today(answeredAt), notes: answer };
}

export interface ActivityInput {
  type: ActivityType;
  title: string;
  happenedOn: string;
  withWhom?: string;
  /** Minutes it took. */
  durationMin?: number;
  author?: string;
  isbn?: string;
  notes?: string;
  tags?: string[];
}

export type ActivityProblem = 'title' | 'type' | 'happenedOn' | 'durationMin' | 'isbn';

/** What is wrong with the form, field by field (empty when it can be logged). */
export function checkActivity(input: ActivityInput, now = Date.now()): ActivityProblem[] {
  const problems: ActivityProblem[] = [];
  if (!isActivityType(input.type)) problems.push('type');
  if (!capLine(input.title, LIMITS.title)) problems.push('title');
  // A day that has not come yet is a plan, not learning that happened.
  if (!isDay(input.happenedOn) || input.happenedOn > today(now + 86_400_000)) problems.push('happenedOn');
  if (input.durationMin !== undefined && !(Number.isFinite(input.durationMin) && input.durationMin > 0))
    problems.push('durationMin');
  if (input.isbn?.trim() && !isIsbn(input.isbn)) problems.push('isbn');
  return problems;
}

/**
 * What the user learned from is usually done by the time they log it; a book, a study or a
 * course goes on, so it starts as "learning".
 */
export function initialStatus(type: ActivityType): ResourceStatus {
  return type === 'book' || type === 'study' || type === 'course' ? 'learning' : 'learned';
}

/** The record for a checked form (`checkActivity` returned nothing). */
export function activityRecord(input: ActivityInput, id: string, now: number): Resource {
  const status = initialStatus(input.type);
  const record: Resource = {
    id,
    kind: 'activity',
    activityType: input.type,
    title: capLine(input.title, LIMITS.title),
    happenedOn: input.happenedOn,
    notes: capText(input.notes?.trim() ?? '', LIMITS.notes),
    clips: [],
    takeaways: [],
    tags: normaliseTags(input.tags ?? []),
    status,
    createdAt: now,
    updatedAt: now,
  };
  const withWhom = capLine(input.withWhom, LIMITS.withWhom);
  if (withWhom) record.withWhom = withWhom;
  if (input.durationMin) record.durationSec = Math.round(input.durationMin * 60);
  const author = capLine(input.author, LIMITS.author);
  if (author) record.author = author;
  if (input.isbn?.trim()) record.isbn = input.isbn.replace(/[\s-]/g, '').toUpperCase();
  if (status === 'learned') record.learnedAt = now;
  return record;
}
