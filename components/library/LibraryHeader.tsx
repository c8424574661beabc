import { useEffect, useState } from 'preact/hooks';
import { onDbChange } from '@/lib/db/changes';
import { formatNumber, t, type MessageKey } from '@/lib/i18n';
import { libraryStats, type LibraryStats } from '@/lib/library/stats';

const TILES: { key: keyof LibraryStats; label: MessageKey; days?: boolean }[] = [
  { key: 'savedThisWeek', label: 'libStatSavedWeek' },
  { key: 'learnedThisMonth', label: 'libStatLearnedMonth' },
  { key: 'shared', label: 'libStatShared' },
  { key: 'streak', label: 'libStatStreak', days: true },
];

/** What matters to a learner, counted through indexes and kept live. */
export function LibraryHeader() {
  const [stats, setStats] = useState<LibraryStats | null>(null);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => void libraryStats(Date.now()).then((next) => alive && setStats(next), () => undefined);
    load();
    // Bulk edits announce once; a burst of single edits (typing) is counted once.
    const stop = onDbChange((change) => {
      if (change.store !== 'resources' && change.store !== 'reflections') return;
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      stop();
    };
  }, []);

  return (
    <section class="lib-stats" aria-label={t('libStatsLabel')}>
      <dl>
        {TILES.map(({ key, label, days }) => (
          <div key={key} class="lib-stat card">
            <dt>{t(label)}</dt>
            <dd>
              {stats ? formatNumber(stats[key]) : '–'}
              {days && stats && <span class="lib-stat-unit"> {t(stats[key] === 1 ? 'libDayOne' : 'libDaysOther')}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
