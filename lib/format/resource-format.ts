import { dayTime, isDay } from '../model/activity';
import type { ActivityType } from '../model/activity';
import type { Resource, ResourceStatus, SharedHow } from '../model/resource';
import { formatClock, formatDate, formatDuration, type MessageKey, t } from '../i18n';
import { capLine, LIMITS } from '../infra/limits';

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
  return kind === 'video'
    ? t('kindVideo')
    : kind === 'article'
      ? t('kindArticle')
      : kind === 'activity'
        ? t('kindActivity')
        : t('kindPage');
}

/** A calendar day (YYYY-MM-DD) in the user's language, the same day wherever they are. */
export function formatDay(day: string): string {
  return formatDate(dayTime(day), { dateStyle: 'medium', timeZone: 'UTC' });
}

export function activityTypeLabel(type: ActivityType): string {
  return t(`activity_${type}`);
}

/** A resource's kind as its chip says it: an activity says what kind of learning it was. */
export function kindChip(resource: Pick<Resource, 'kind' | 'activityType'>): string {
  return resource.kind === 'activity' && resource.activityType
    ? activityTypeLabel(resource.activityType)
    : kindLabel(resource.kind);
}

/** "YouTube · 12 min" / "Ars Technica · 6 min read": the line under a title. */
export function resourceMetaLine(
  resource: Pick<Resource, 'site' | 'author' | 'kind' | 'durationSec' | 'readingMinutes'> &
    Partial<Pick<Resource, 'happenedOn' | 'withWhom'>>,
): string {
  const parts: string[] = [];
  // An activity: the day it happened, with whom, the author of a book, how long it took.
  if (resource.kind === 'activity') {
    if (resource.happenedOn && isDay(resource.happenedOn)) parts.push(formatDay(resource.happenedOn));
    if (resource.withWhom) parts.push(t('activityWith', resource.withWhom));
    if (resource.author) parts.push(resource.author);
    if (resource.durationSec) parts.push(formatDuration(resource.durationSec));
    return parts.join(' · ');
  }
  const who = resource.kind === 'video' ? (resource.author ?? resource.site) : (resource.site ?? resource.author);
  if (who) parts.push(who);
  if (resource.kind === 'video' && resource.durationSec) parts.push(formatDuration(resource.durationSec));
  else if (resource.readingMinutes) parts.push(t('readingMinutes', resource.readingMinutes));
  return parts.join(' · ');
}

/**
 * The author to name beside the line under a title, when that line does not already: an article's
 * byline behind its site's name (a video's line names its channel, an activity's its author).
 */
export function bylineBesideMeta(resource: Pick<Resource, 'site' | 'author' | 'kind'>): string | undefined {
  if (resource.kind !== 'article' && resource.kind !== 'page') return undefined;
  const author = capLine(resource.author ?? '', LIMITS.author);
  return author && resource.site && author !== resource.site ? author : undefined;
}

export function clipPositionLabel(positionSec: number | undefined): string | undefined {
  return positionSec && positionSec > 0 ? t('popupClipPosition', formatClock(positionSec)) : undefined;
}
