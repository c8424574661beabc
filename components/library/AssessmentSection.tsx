import { useEffect, useState } from 'preact/hooks';
import type { Route } from '@/lib/library/route';
import { t } from '@/lib/i18n';
import { deleteAssessment, listAssessments, restoreAssessment } from '@/lib/db/assessments';
import { onDbChange } from '@/lib/db/changes';
import { describeWriteError } from '@/lib/db/errors';
import type { Assessment } from '@/lib/db/types';
import { assessmentChanged } from '@/lib/actions/notify-background';
import { addMonths } from '@/lib/assessment/schedule';
import { assessmentReminder } from '@/lib/settings';
import { AssessmentForm } from '@/components/assessment/AssessmentForm';
import { AssessmentTrends } from '@/components/assessment/AssessmentTrends';
import '@/components/assessment/assessment.css';
import { ErrorNotice, UndoNotice } from '@/components/Notices';

/** The learning-environment check: take it, and see how each condition develops. */
export function AssessmentSection(_props: { route: Route }) {
  const [assessments, setAssessments] = useState<Assessment[] | null>(null);
  const [showForm, setShowForm] = useState<boolean | null>(null);
  const [reminder, setReminder] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [deleted, setDeleted] = useState<Assessment | null>(null);

  useEffect(() => {
    let alive = true;
    const load = () =>
      void listAssessments().then(
        (list) => {
          if (!alive) return;
          setAssessments(list);
          // The form opens by itself when there is no check yet or the last one is a month old.
          const last = list[list.length - 1];
          setShowForm((current) => current ?? (!last || Date.now() >= addMonths(last.createdAt, 1)));
        },
        (e: unknown) => alive && setError(describeWriteError(e)),
      );
    load();
    void assessmentReminder.getValue().then((v) => alive && setReminder(v));
    const stop = onDbChange((change) => change.store === 'assessments' && load());
    return () => {
      alive = false;
      stop();
    };
  }, []);

  const toggleReminder = async (on: boolean) => {
    setReminder(on);
    await assessmentReminder.setValue(on);
    assessmentChanged();
  };

  const onSaved = () => {
    setShowForm(false);
    setStatus(t('assessmentSaved'));
    requestAnimationFrame(() => document.getElementById('assessment-trends')?.focus());
  };

  const remove = async (assessment: Assessment) => {
    setError('');
    try {
      await deleteAssessment(assessment.id);
      assessmentChanged();
      setDeleted(assessment);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  const undo = async () => {
    if (!deleted) return;
    await restoreAssessment(deleted);
    assessmentChanged();
    setDeleted(null);
  };

  return (
    <div class="assessment-section">
      <div class="section-head">
        <h1>{t('navAssessment')}</h1>
        {assessments && assessments.length > 0 && !showForm && (
          <button type="button" class="btn btn-primary" onClick={() => setShowForm(true)}>
            {t('assessmentTakeAgain')}
          </button>
        )}
      </div>
      <p class="section-intro muted">{t('assessmentIntro')}</p>
      {reminder !== null && (
        <label class="checkbox assessment-reminder">
          <input type="checkbox" checked={reminder} onChange={(event) => void toggleReminder(event.currentTarget.checked)} />
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
