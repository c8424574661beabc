import { isRecordTime, localDay } from '../infra/time';
import type { Action } from '../model/action';
import { addMonths } from '../assessment/schedule';

/** Follow-ups fall due at this local hour of the chosen day: a working morning. */
export const FOLLOW_UP_HOUR = 9;

export const FOLLOW_UP_PRESETS = ['week', 'two-weeks', 'month'] as const;
export type FollowUpPreset = (typeof FOLLOW_UP_PRESETS)[number];

function atFollowUpHour(date: Date): number {
  date.setHours(FOLLOW_UP_HOUR, 0, 0, 0);
  return date.getTime();
}

/** In a week / two weeks / a month from `now`, at 09:00 local time that day. */
export function followUpFromPreset(preset: FollowUpPreset, now: number): number {
  if (preset === 'month') return atFollowUpHour(new Date(addMonths(now, 1)));
  const date = new Date(now);
  date.setDate(date.getDate() + (preset === 'week' ? 7 : 14));
  return atFollowUpHour(date);
}

/** Tomorrow at 09:00 local time: "remind me tomorrow". */
export function followUpTomorrow(now: number): number {
  const date = new Date(now);
  date.setDate(date.getDate() + 1);
  return atFollowUpHour(date);
}

/** "2025-03-14" for an <input type="date">, in local time. */
export const toDateInput = localDay;

/** An <input type="date"> value as 09:00 local time that day; undefined when not a date. */
export function fromDateInput(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (date.getMonth() !== Number(match[2]) - 1) return undefined;
  return atFollowUpHour(date);
}

export type ActionState = 'due' | 'open' | 'done' | 'dropped';

export function actionState(action: Pick<Action, 'status' | 'followUpAt'>, now: number): ActionState {
  if (action.status !== 'open') return action.status;
  return action.followUpAt !== undefined && action.followUpAt <= now ? 'due' : 'open';
}

export interface FollowUpPlan {
  /** Open actions whose follow-up has come. */
  due: Action[];
  /** Of those, the ones not yet notified for this follow-up date. */
  toNotify: Action[];
  /** Action id → followUpAt notified, for the due ones only (answered ones drop out). */
  notified: Record<string, number>;
  /** Ids that were notified before and are no longer due: their notifications can go. */
  resolved: string[];
  /** When the alarm should next fire: the earliest open follow-up still ahead. */
  nextAt?: number;
}

/**
 * What the follow-up alarm has to do now. Pure and idempotent: running it again with the
 * notified map it returned notifies nobody twice and asks for the same alarm.
 */
export function planFollowUps(
  open: readonly Action[],
  now: number,
  notified: Readonly<Record<string, number>>,
): FollowUpPlan {
  const due: Action[] = [];
  let nextAt: number | undefined;
  for (const action of open) {
    // A damaged date (1e308) would set an alarm for never: such an action waits, unplanned.
    if (action.status !== 'open' || !isRecordTime(action.followUpAt)) continue;
    if (action.followUpAt <= now) due.push(action);
    else if (nextAt === undefined || action.followUpAt < nextAt) nextAt = action.followUpAt;
  }
  due.sort((a, b) => a.followUpAt! - b.followUpAt!);
  const toNotify = due.filter((action) => notified[action.id] !== action.followUpAt);
  const next: Record<string, number> = {};
  for (const action of due) next[action.id] = action.followUpAt!;
  const resolved = Object.keys(notified).filter((id) => !(id in next));
  return { due, toNotify, notified: next, resolved, ...(nextAt !== undefined ? { nextAt } : {}) };
}
