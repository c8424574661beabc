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
  id: ConditionId;
  score: number;
}

/**
 * The condition to talk about: the lowest score in the latest check. Ties go to the one that
 * fell most since the check before, then to the lower average over time, then to the order
 * of the check, so the answer is stable.
 */
export function weakestCondition(assessments: readonly Assessment[]): Weakest | undefined {
  const trends = conditionTrends(assessments).filter((t) => t.latest !== undefined);
  const latestAt = Math.max(...assessments.map((a) => a.createdAt));
  const current = trends.filter((t) => t.points[t.points.length - 1]!.at === latestAt);
  if (!current.length) return undefined;
  const ranked = [...current].sort(
    (a, b) =>
      a.latest! - b.latest! ||
      (a.change ?? 0) - (b.change ?? 0) ||
      a.average! - b.average! ||
      CONDITION_IDS.indexOf(a.id) - CONDITION_IDS.indexOf(b.id),
  );
  const top = ranked[0]!;
  return { id: top.id, score: top.latest! };
}
