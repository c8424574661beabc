import type { Assessment } from '../model/assessment';
import { CONDITION_IDS, type ConditionId } from '../model/assessment';

export interface TrendPoint {
  at: number;
  score: number;
}

export interface ConditionTrend {
  id: ConditionId;
  /** Oldest first; assessments that skipped this condition leave no point. */
  points: TrendPoint[];
  latest?: number;
  /** Latest minus the one before: positive is better. Undefined with fewer than two points. */
  change?: number;
  average?: number;
  /** The newest note written for this condition, and when. */
  latestNote?: { text: string; at: number };
}

/** Each condition's scores over time, in the fixed order of the check. */
export function conditionTrends(assessments: readonly Assessment[]): ConditionTrend[] {
  const sorted = [...assessments].sort((a, b) => a.createdAt - b.createdAt);
  return CONDITION_IDS.map((id) => {
    const points: TrendPoint[] = [];
    for (const assessment of sorted) {
      const score = assessment.scores[id];
      if (typeof score === 'number' && score >= 1 && score <= 5) points.push({ at: assessment.createdAt, score });
    }
    const trend: ConditionTrend = { id, points };
    for (const assessment of sorted) {
      const text = assessment.notes?.[id]?.trim();
      if (text) trend.latestNote = { text, at: assessment.createdAt };
    }
    const last = points[points.length - 1];
    const before = points[points.length - 2];
    if (last) {
      trend.latest = last.score;
      trend.average = Math.round((points.reduce((sum, p) => sum + p.score, 0) / points.length) * 10) / 10;
    }
    if (last && before) trend.change = last.score - before.score;
    return trend;
  });
}

export interface Weakest {
  /** Every condition at the lowest score, the most pressing first: a tie names them all. */
  ids: ConditionId[];
  score: number;
}

/**
 * The conditions to talk about: those at the lowest score in the latest check. A tie is shown as
 * one, every tied condition named (picking one would hide the others behind an arbitrary rule);
 * they come in order of the one that fell most since the check before, then the lower average
 * over time, then the order of the check, so the list is stable.
 */
export function weakestConditions(assessments: readonly Assessment[]): Weakest | undefined {
  const trends = conditionTrends(assessments).filter((t) => t.latest !== undefined);
  const latestAt = Math.max(...assessments.map((a) => a.createdAt));
  const current = trends.filter((t) => t.points[t.points.length - 1]!.at === latestAt);
  if (!current.length) return undefined;
  const score = Math.min(...current.map((t) => t.latest!));
  const ranked = current
    .filter((t) => t.latest === score)
    .sort(
      (a, b) =>
        (a.change ?? 0) - (b.change ?? 0) ||
        a.average! - b.average! ||
        CONDITION_IDS.indexOf(a.id) - CONDITION_IDS.indexOf(b.id),
    );
  return { ids: ranked.map((t) => t.id), score };
}
