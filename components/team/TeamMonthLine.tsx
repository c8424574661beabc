import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { readTeamSpace, syncAccount } from '@/lib/app/team';
import { formatNumber, t, tn } from '@/lib/i18n';
import { type TeamMonth, teamMonth } from '@/lib/team/news';

/** This month's bounds in local time. */
function thisMonth(now: number): [number, number] {
  const day = new Date(now);
  return [
    new Date(day.getFullYear(), day.getMonth(), 1).getTime(),
    new Date(day.getFullYear(), day.getMonth() + 1, 1).getTime(),
  ];
}

/**
 * Beside the monthly check's structures-and-recognition and feedback conditions, with a team
 * space: the team's month in figures (shared, tried and by how many, thanks, comments), for the
 * user to weigh; their score stays their own. Nothing without a team space.
 */
export function TeamMonthLine() {
  const account = useStorageItem(syncAccount);
  const [month, setMonth] = useState<TeamMonth | null>(null);
  useEffect(() => {
    if (!account?.teamDatabase) return;
    let alive = true;
    void readTeamSpace(false).then(
      (space) => alive && space && setMonth(teamMonth(space.items, space.reactions, ...thisMonth(Date.now()))),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [account?.teamDatabase]);
  if (!account?.teamDatabase || !month) return null;
  const n = formatNumber;
  const figures = [
    tn('teamMonthShared', month.shared, n(month.shared)),
    tn('teamMonthTried', month.triedItems, n(month.triedItems)) +
      (month.triedItems ? ` ${tn('teamMonthTriedBy', month.triedBy, n(month.triedBy))}` : ''),
    tn('teamMonthThanks', month.thanks, n(month.thanks)),
    tn('teamMonthComments', month.comments, n(month.comments)),
  ];
  return <p class="small muted team-month-line">{t('teamMonthBeside', figures.join(', '))}</p>;
}
