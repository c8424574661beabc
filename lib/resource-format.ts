import type { Resource, ResourceStatus, SharedHow } from './db/types';
import { formatClock, formatDuration, type MessageKey, t } from './i18n';

/** The ways of sharing a user can choose, in the order every view offers them. */
export const SHARED_HOW_OPTIONS: readonly { how: SharedHow; label: MessageKey }[] = [
  { how: 'chat', label: 'libHowChat' },
  { how: 'meeting', label: 'libHowMeeting' },
  { how: 'demo', label: 'libHowDemo' },
  { how: 'write-up', label: 'libHowWriteUp' },
];

export function statusLabel(status: ResourceStatus): string {
  return status === 'learned' ? t('statusLearned') : status === 'learning' ? t('statusLearning') : t('statusQueued');
}

export function kindLabel(kind: Resource['kind']): string {
  return kind === 'video' ? t('kindVideo') : kind === 'article' ? t('kindArticle') : t('kindPage');
}

/** "YouTube · 12 min" / "Ars Technica · 6 min read": the line under a title. */
export function resourceMetaLine(
  resource: Pick<Resource, 'site' | 'author' | 'kind' | 'durationSec' | 'readingMinutes'>,
): string {
  const parts: string[] = [];
  const who = resource.kind === 'video' ? (resource.author ?? resource.site) : (resource.site ?? resource.author);
  if (who) parts.push(who);
  if (resource.kind === 'video' && resource.durationSec) parts.push(formatDuration(resource.durationSec));
  else if (resource.readingMinutes) parts.push(t('readingMinutes', resource.readingMinutes));
  return parts.join(' · ');
}

export function clipPositionLabel(positionSec: number | undefined): string | undefined {
  return positionSec && positionSec > 0 ? t('popupClipPosition', formatClock(positionSec)) : undefined;
}
