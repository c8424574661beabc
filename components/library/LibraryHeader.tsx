import { useLiveQuery } from '@/components/hooks/live';
import { formatNumber, t, tn, type MessageKey } from '@/lib/i18n';
import { libraryStats } from '@/lib/app/library-reads';
import type { LibraryStats } from '@/lib/library/stats';

const TILES: { key: keyof LibraryStats; label: MessageKey; days?: boolean }[] = [
  { key: 'savedThisWeek', label: 'libStatSavedWeek' },
  { key: 'learnedThisMonth', label: 'libStatLearnedMonth' },
  { key: 'sharedThisMonth', label: 'libStatShared' },
  { key: 'reviewedThisWeek', label: 'libStatReviewedWeek' },
  { key: 'appliedThisMonth', label: 'libStatAppliedMonth' },
  { key: 'streak', label: 'libStatStreak', days: true },
];

/** What matters to a learner, counted through indexes and kept live. */
export function LibraryHeader() {
  // Bulk edits announce once; a burst of single edits (typing) is counted once.
  const stats =
    useLiveQuery(() => libraryStats(Date.now()), ['resources', 'reflections', 'reviews'], [], { debounceMs: 250 })
      .data ?? null;

  return (
    <section class="lib-stats" aria-label={t('libStatsLabel')}>
      <dl>
        {TILES.map(({ key, label, days }) => (
          <div
            key={key}
            class="lib-stat card"
            {...(days ? { title: t('libStatStreakHelp'), 'aria-describedby': 'lib-stat-streak-help' } : {})}
          >
            <dt>{t(label)}</dt>
            <dd>
              {stats ? formatNumber(stats[key]) : '–'}
              {days && stats && <span class="lib-stat-unit"> {tn('libStatDays', stats[key])}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {/* What the streak counts: any learning, not only journal answers, so a week of saving and clipping shows. */}
      <p id="lib-stat-streak-help" class="small muted lib-stat-help">
        {t('libStatStreakHelp')}
      </p>
    </section>
  );
}
