import type { Snapshot } from '@/lib/app/snapshots';
import { formatDate, formatNumber, t, type MessageKey } from '@/lib/i18n';
import type { StoreName } from '@/lib/model/stores';

const COUNT_LABEL: Record<StoreName, MessageKey> = {
  resources: 'backupCountResources',
  reflections: 'backupCountReflections',
  prompts: 'backupCountPrompts',
  actions: 'backupCountActions',
  assessments: 'backupCountAssessments',
  reviews: 'backupCountReviews',
};

/** "Resources 120 · Reflections 14 · Actions 3": what a snapshot holds, stores with records only. */
export function snapshotContents(snapshot: Pick<Snapshot, 'counts'>): string {
  return (Object.keys(COUNT_LABEL) as StoreName[])
    .filter((store) => (snapshot.counts[store] ?? 0) > 0)
    .map((store) => `${t(COUNT_LABEL[store])} ${formatNumber(snapshot.counts[store])}`)
    .join(' · ');
}

export function snapshotTime(snapshot: Pick<Snapshot, 'at'>): string {
  return formatDate(snapshot.at, { dateStyle: 'long', timeStyle: 'short' });
}
