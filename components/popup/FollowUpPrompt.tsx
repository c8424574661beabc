import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { listDueFollowUps } from '@/lib/db/actions';
import { latestAssessment } from '@/lib/db/assessments';
import { onDbChange } from '@/lib/db/changes';
import type { Action } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { assessmentChanged } from '@/lib/actions/notify-background';
import { isAssessmentDue, snoozeUntil } from '@/lib/assessment/schedule';
import { assessmentReminder, assessmentSchedule, followUpDrafts } from '@/lib/settings';
import { FollowUpAnswer } from '@/components/actions/FollowUpAnswer';
import { SourceLabel } from '@/components/actions/SourceLabel';
import '@/components/actions/actions.css';

type View = { kind: 'follow-up'; due: Action[]; drafts: Record<string, string> } | { kind: 'assessment' } | { kind: 'none' };

async function loadView(now: number): Promise<View> {
  const due = await listDueFollowUps(now);
  if (due.length) return { kind: 'follow-up', due, drafts: await followUpDrafts.getValue() };
  if (!(await assessmentReminder.getValue())) return { kind: 'none' };
  const state = await assessmentSchedule.getValue();
  // Before the background's first run there is no clock for the first check yet: nothing is due.
  if (state.anchorAt === null) return { kind: 'none' };
  const latest = await latestAssessment();
  const timing = { anchorAt: state.anchorAt, snoozedUntil: state.snoozedUntil, ...(latest ? { lastAt: latest.createdAt } : {}) };
  return isAssessmentDue(timing, now) ? { kind: 'assessment' } : { kind: 'none' };
}

async function saveDraft(actionId: string, text: string): Promise<void> {
  const drafts = await followUpDrafts.getValue();
  if (text) drafts[actionId] = text;
  else delete drafts[actionId];
  await followUpDrafts.setValue(drafts);
}

/**
 * The popup asks about a follow-up that has come due: did you do it, and what effect did it
 * have? With none due, it offers the monthly learning-environment check when that is due.
 * Renders nothing when nothing is due.
 */
export function FollowUpPrompt() {
  const [view, setView] = useState<View>({ kind: 'none' });
  const [thanks, setThanks] = useState('');

  useEffect(() => {
    let alive = true;
    const load = () => void loadView(Date.now()).then((next) => alive && setView(next), (error: unknown) => console.error('Follow-up card:', error));
    load();
    const stop = onDbChange((change) => {
      if (change.store === 'actions' || change.store === 'assessments') load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, []);

  const answered = (actionId: string, result: 'done' | 'dropped' | 'later') => {
    void saveDraft(actionId, '');
    setThanks(result === 'done' ? t('followUpThanksDone') : result === 'dropped' ? t('followUpThanksDropped') : t('followUpThanksLater'));
  };

  const notNow = async () => {
    const state = await assessmentSchedule.getValue();
    await assessmentSchedule.setValue({ ...state, snoozedUntil: snoozeUntil(Date.now()) });
    assessmentChanged();
    setView({ kind: 'none' });
  };

  const libraryUrl = browser.runtime.getURL('/library.html');

  if (view.kind === 'follow-up') {
    const action = view.due[0]!;
    return (
      <section class="card follow-up-card" aria-labelledby="follow-up-heading">
        <div class="follow-up-head">
          <h2 id="follow-up-heading">{t('followUpHeading')}</h2>
          {view.due.length > 1 && <span class="chip">{t('followUpCount', 1, view.due.length)}</span>}
        </div>
        {thanks && (
          <p class="notice notice-ok small" role="status">
            {thanks}
          </p>
        )}
        <p class="small muted">{t('followUpPlanned')}</p>
        <p class="follow-up-action">{action.text}</p>
        <p class="small">
          <SourceLabel source={action.source} libraryUrl={libraryUrl} />
        </p>
        <FollowUpAnswer
          key={action.id}
          action={action}
          idPrefix="popup-follow-up"
          initialOutcome={view.drafts[action.id] ?? ''}
          onOutcomeInput={(text) => void saveDraft(action.id, text)}
          onAnswered={(updated, result) => answered(updated.id, result)}
        />
      </section>
    );
  }
  const thanksNotice = thanks ? (
    <p class="notice notice-ok" role="status">
      {thanks}
    </p>
  ) : null;
  if (view.kind === 'assessment') {
    return (
      <>
        {thanksNotice}
        <section class="card follow-up-card" aria-labelledby="check-offer-heading">
          <h2 id="check-offer-heading">{t('assessmentOfferHeading')}</h2>
          <p>{t('assessmentOfferText')}</p>
          <div class="row">
            <a class="btn btn-primary" href={`${libraryUrl}#assessment`} target="_blank" rel="noopener">
              {t('assessmentOfferStart')}
            </a>
            <button type="button" class="btn btn-ghost" onClick={() => void notNow()}>
              {t('assessmentOfferLater')}
            </button>
          </div>
        </section>
      </>
    );
  }
  return thanksNotice;
}
