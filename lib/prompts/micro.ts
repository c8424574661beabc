import type { Resource } from '../model/resource';

/** What fits a short break: a talk of a quarter of an hour, or a ten-minute read. */
export const SHORT_VIDEO_SEC = 15 * 60;
export const SHORT_READ_MIN = 10;

export function fitsShortBreak(resource: Pick<Resource, 'kind' | 'durationSec' | 'readingMinutes'>): boolean {
  if (resource.kind === 'video')
    return resource.durationSec !== undefined && resource.durationSec > 0 && resource.durationSec <= SHORT_VIDEO_SEC;
  return (
    resource.readingMinutes !== undefined && resource.readingMinutes > 0 && resource.readingMinutes <= SHORT_READ_MIN
  );
}

/**
 * One micro-learning nudge from the queue: something still to learn that fits a short break,
 * the one waiting longest first (it is the one most likely forgotten), never `excludeId` (the
 * resource the prompt itself is about).
 */
export function pickMicroLearning(resources: readonly Resource[], excludeId?: string): Resource | null {
  const fitting = resources.filter((r) => r.status === 'queued' && r.id !== excludeId && fitsShortBreak(r));
  fitting.sort((a, b) => a.createdAt - b.createdAt);
  return fitting[0] ?? null;
}
