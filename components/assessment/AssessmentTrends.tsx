import type { Assessment } from '@/lib/model/assessment';
import { formatDate, formatNumber, locale, t, tn } from '@/lib/i18n';
import { CONDITIONS, conditionById } from '@/lib/assessment/conditions';
import { conditionTrends, type Weakest, weakestConditions } from '@/lib/assessment/trends';
import { TrendChart } from './TrendChart';
import { useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { saveSetting } from '@/lib/app/settings';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { routeHash } from '@/lib/routes';
import { digestTopic } from '@/lib/settings';
import { ErrorNotice } from '@/components/Notices';

function changeText(change: number | undefined): string {
  if (change === undefined) return '';
  if (change > 0) return t('trendUp', change);
  if (change < 0) return t('trendDown', -change);
  return t('trendSame');
}

/** The conditions at the lowest score, named all when tied, each with what to discuss. */
function WeakestBlock({ weakest, assessmentId }: { weakest: Weakest; assessmentId: string }) {
  const conditions = weakest.ids.map((id) => conditionById(id)!);
  const names = new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(
    conditions.map((c) => t(c.name)),
  );
  if (conditions.length === 1) {
    const [condition] = conditions as [NonNullable<ReturnType<typeof conditionById>>];
    return (
      <div class="weakest">
        <h3>{t('weakestHeading', names)}</h3>
        <p class="small muted">{t('weakestScore', weakest.score)}</p>
        <p>{t(condition.suggestion)}</p>
        <WeakestActions conditionId={condition.id} score={weakest.score} assessmentId={assessmentId} />
      </div>
    );
  }
  return (
    <div class="weakest weakest-tie">
      <h3>{t('weakestHeading', names)}</h3>
      <p class="small muted">{tn('weakestTied', conditions.length, formatNumber(conditions.length), weakest.score)}</p>
      <ul class="weakest-tied" aria-label={t('weakestTiedList')}>
        {conditions.map((condition) => (
          <li key={condition.id}>
            <h4>{t(condition.name)}</h4>
            <p>{t(condition.suggestion)}</p>
            <WeakestActions conditionId={condition.id} score={weakest.score} assessmentId={assessmentId} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Each condition's trend as a small chart, and the weakest ones with what to discuss. */
export function AssessmentTrends({
  assessments,
  onDelete,
}: {
  assessments: readonly Assessment[];
  onDelete: (a: Assessment) => void;
}) {
  const trends = conditionTrends(assessments);
  const weakest = weakestConditions(assessments);
  const sorted = [...assessments].sort((a, b) => a.createdAt - b.createdAt);
  const latest = sorted[sorted.length - 1];
  return (
    <section class="card panel assessment-trends" aria-labelledby="trend-heading" tabIndex={-1} id="assessment-trends">
      <h2 id="trend-heading">{t('trendHeading')}</h2>
      {weakest && latest && <WeakestBlock weakest={weakest} assessmentId={latest.id} />}
      <ul class="trend-grid-list">
        {trends.map((trend) => {
          const condition = conditionById(trend.id)!;
          const name = t(condition.name);
          return (
            <li key={trend.id} class="trend-card">
              <div class="trend-card-head">
                <h3 class="trend-name">{name}</h3>
                {weakest?.ids.includes(trend.id) && <span class="chip chip-weak">{t('weakestChip')}</span>}
              </div>
              <p class="small muted trend-latest">
                {trend.latest !== undefined ? t('trendLatest', trend.latest) : ''} {changeText(trend.change)}
              </p>
              <TrendChart name={name} points={trend.points} />
              {trend.latestNote && (
                <p class="small trend-condition-note">
                  “{trend.latestNote.text}” <span class="muted">{formatDate(trend.latestNote.at)}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <details class="trend-table">
        <summary>{t('trendTableSummary')}</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('trendTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trendTableDate')}</th>
                {CONDITIONS.map((c) => (
                  <th key={c.id} scope="col">
                    {t(c.name)}
                  </th>
                ))}
                <th scope="col">{t('trendTableNote')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('trendTableActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => {
                const date = formatDate(a.createdAt);
                return (
                  <tr key={a.id}>
                    <th scope="row">{date}</th>
                    {CONDITIONS.map((c) => (
                      <td key={c.id} title={a.notes?.[c.id]}>
                        {a.scores[c.id] ?? '–'}
                      </td>
                    ))}
                    <td class="trend-note" dir="auto">
                      {a.note ?? ''}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="btn btn-small btn-ghost btn-danger"
                        aria-label={t('assessmentDeleteLabel', date)}
                        onClick={() => onDelete(a)}
                      >
                        {t('assessmentDelete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** The weakest condition taken further: into the team digest, or into an action of one's own. */
function WeakestActions({
  conditionId,
  score,
  assessmentId,
}: {
  conditionId: string;
  score: number;
  assessmentId: string;
}) {
  const topic = useStorageItem(digestTopic);
  const [error, setError] = useState('');
  const condition = conditionById(conditionId)!;
  const inDigest = topic?.conditionId === conditionId && topic.assessmentId === assessmentId;
  const save = async (value: Parameters<typeof saveSetting<'digestTopic'>>[1]) => {
    setError('');
    try {
      await saveSetting('digestTopic', value);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };
  return (
    <div class="weakest-actions">
      <div class="row">
        {inDigest ? (
          <button type="button" class="btn btn-small" onClick={() => void save(null)}>
            {t('weakestRemoveFromDigest')}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn-small btn-primary"
            disabled={topic === undefined}
            onClick={() => void save({ conditionId, score, assessmentId, addedAt: Date.now() })}
          >
            {t('weakestAddToDigest')}
          </button>
        )}
        <a
          class="btn btn-small"
          href={routeHash('actions', undefined, { draft: t('weakestActionDraft', t(condition.name)) })}
        >
          {t('weakestToAction')}
        </a>
      </div>
      <p class="small ok-text" role="status">
        {inDigest && (
          <>
            {t('weakestInDigest')} <a href={routeHash('team')}>{t('weakestSeeDigest')}</a>
          </>
        )}
      </p>
      <ErrorNotice message={error} />
    </div>
  );
}
