import { useRef, useState } from 'preact/hooks';
import { saveAssessment } from '@/lib/app/assessments';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Assessment } from '@/lib/model/assessment';
import { t } from '@/lib/i18n';
import { CONDITIONS, SCORE_LABELS, SCORES } from '@/lib/assessment/conditions';
import { ErrorNotice } from '@/components/Notices';
import { lazyComponent } from '@/components/Lazy';

/** The conditions beside which the team's month is shown (3, structures and recognition; 5, feedback). */
const WITH_TEAM_MONTH = new Set(['recognition', 'feedback']);
// Only with a team space does it show anything; the team space's code loads with it.
const TeamMonthLine = lazyComponent(
  () => import('@/components/team/TeamMonthLine').then((m) => m.TeamMonthLine),
  'nothing',
);

/** The seven conditions, each a 1–5 radio group with an optional note, and an overall note. */
export function AssessmentForm({ onSaved }: { onSaved?: (assessment: Assessment) => void }) {
  const [scores, setScores] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // After a save with conditions left unrated: each of those is marked where it is.
  const [marking, setMarking] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    const missing = CONDITIONS.filter((c) => scores[c.id] === undefined);
    if (missing.length) {
      setMarking(true);
      setError(t('assessmentMissingMarked'));
      formRef.current?.querySelector<HTMLInputElement>(`input[name="score-${missing[0]!.id}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await saveAssessment({ scores, notes, note });
      setScores({});
      setNotes({});
      setNote('');
      onSaved?.(saved);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      class="card panel assessment-form"
      aria-labelledby="check-heading"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="check-heading">{t('assessmentFormHeading')}</h2>
      <p class="muted">{t('assessmentFormIntro')}</p>
      <ol class="condition-list">
        {CONDITIONS.map((condition, index) => {
          const statementId = `statement-${condition.id}`;
          const unrated = marking && scores[condition.id] === undefined;
          const missingId = `missing-${condition.id}`;
          return (
            <li key={condition.id}>
              <fieldset
                class={unrated ? 'condition condition-unrated' : 'condition'}
                aria-describedby={unrated ? `${missingId} ${statementId}` : statementId}
                aria-invalid={unrated || undefined}
              >
                <legend>
                  <span class="condition-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  {t(condition.name)}
                </legend>
                {unrated && (
                  <p id={missingId} class="condition-missing small">
                    {t('assessmentConditionMissing')}
                  </p>
                )}
                <p id={statementId} class="condition-statement">
                  {t(condition.statement)}
                </p>
                {WITH_TEAM_MONTH.has(condition.id) && <TeamMonthLine />}
                <div class="score-scale">
                  {SCORES.map((score) => (
                    <label key={score} class="score-option">
                      <input
                        type="radio"
                        name={`score-${condition.id}`}
                        value={score}
                        checked={scores[condition.id] === score}
                        onChange={() => setScores({ ...scores, [condition.id]: score })}
                      />
                      <span class="score-number">{score}</span> <span class="score-word">{t(SCORE_LABELS[score])}</span>
                    </label>
                  ))}
                </div>
                <label class="field condition-note">
                  <span>{t('assessmentNoteLabel')}</span>
                  <textarea
                    class="input"
                    rows={2}
                    value={notes[condition.id] ?? ''}
                    onInput={(event) => setNotes({ ...notes, [condition.id]: event.currentTarget.value })}
                  />
                </label>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <label class="field">
        <span>{t('assessmentOverallNote')}</span>
        <textarea class="input" rows={3} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <ErrorNotice message={error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('assessmentSave')}
        </button>
      </div>
    </form>
  );
}
