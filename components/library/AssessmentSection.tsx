import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import type { Route } from '@/lib/routes';
import { formatDate, t } from '@/lib/i18n';
import { deleteAssessment, listAssessments, setAssessmentReminder } from '@/lib/app/assessments';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Assessment } from '@/lib/model/assessment';
import { addMonths } from '@/lib/assessment/schedule';
import { assessmentReminder } from '@/lib/settings';
import { AssessmentForm } from '@/components/assessment/AssessmentForm';
import { AssessmentTrends } from '@/components/assessment/AssessmentTrends';
import '@/components/assessment/assessment.css';
import { ErrorNotice, UndoNotice } from '@/components/Notices';

/** The learning-environment check: take it, and see how each condition develops. */
export function AssessmentSection(_props: { route: Route }) {
  const live = useLiveQuery(listAssessments, ['assessments']);
  // The check just saved counts at once: the live list reloads a moment later, and until then
  // the head would offer this month's check again (and flash its primary button).
  const [justSaved, setJustSaved] = useState<Assessment | null>(null);
  const listed = Boolean(justSaved && live.data?.some((a) => a.id === justSaved.id));
  const assessments = live.data && justSaved && !listed ? [...live.data, justSaved] : (live.data ?? null);
  useEffect(() => {
    if (listed) setJustSaved(null);
  }, [listed]);
  const reminder = useStorageItem(assessmentReminder) ?? null;
  const [formChoice, setShowForm] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  const [writeError, setError] = useState('');
  const { offer: deleted, remove: removeWithUndo, takeBack: undo } = useUndoOffer(setError);
  const error = writeError || (live.error ? describeWriteError(live.error) : '');
  // The form opens by itself when there is no check yet or the last one is a month old.
  const last = assessments?.[assessments.length - 1];
  const nextDue = last ? addMonths(last.createdAt, 1) : undefined;
  const dueNow = nextDue === undefined || Date.now() >= nextDue;
  const showForm = formChoice ?? (assessments !== null && dueNow);

  const toggleReminder = (on: boolean) =>
    setAssessmentReminder(on).catch((e: unknown) => setError(describeWriteError(e)));

  const onSaved = (saved: Assessment) => {
    setJustSaved(saved);
    setShowForm(false);
    setStatus(t('assessmentSaved'));
    requestAnimationFrame(() => document.getElementById('assessment-trends')?.focus());
  };

  const remove = (assessment: Assessment) => removeWithUndo(() => deleteAssessment(assessment.id));

  return (
    <div class="assessment-section">
      <div class="section-head">
        <h1>{t('navAssessment')}</h1>
        {/* Taken this month: the next one is not due yet, so the button says what it is. */}
        {assessments && assessments.length > 0 && !showForm && (
          <span class="row">
            {!dueNow && nextDue !== undefined && (
              <span class="small muted">{t('assessmentNextDue', formatDate(nextDue))}</span>
            )}
            <button type="button" class={dueNow ? 'btn btn-primary' : 'btn'} onClick={() => setShowForm(true)}>
              {dueNow ? t('assessmentTakeAgain') : t('assessmentTakeAnother')}
            </button>
          </span>
        )}
      </div>
      <p class="section-intro muted">{t('assessmentIntro')}</p>
      {reminder !== null && (
        <label class="checkbox assessment-reminder">
          <input
            type="checkbox"
            checked={reminder}
            onChange={(event) => void toggleReminder(event.currentTarget.checked)}
          />
          {t('assessmentReminderLabel')}
        </label>
      )}
      <p role="status" class="small ok-text">
        {status}
      </p>
      <ErrorNotice message={error} />
      {deleted && <UndoNotice text={t('assessmentDeleted')} undoLabel={t('actionUndo')} onUndo={() => void undo()} />}
      {assessments === null ? (
        <div class="skeleton" aria-busy="true" />
      ) : (
        <div class="assessment-layout">
          {showForm && <AssessmentForm onSaved={onSaved} />}
          {assessments.length > 0 ? (
            <AssessmentTrends assessments={assessments} onDelete={(a) => void remove(a)} />
          ) : (
            <p class="empty">{t('trendEmpty')}</p>
          )}
        </div>
      )}
    </div>
  );
}
