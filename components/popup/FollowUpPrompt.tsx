import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '@/components/hooks/live';
import { listDueFollowUps, saveFollowUpDraft } from '@/lib/app/actions';
import { latestAssessment, snoozeAssessment } from '@/lib/app/assessments';
import type { Action } from '@/lib/model/action';
import { t } from '@/lib/i18n';
import { isAssessmentDue } from '@/lib/assessment/schedule';
import { assessmentReminder, assessmentSchedule, followUpDrafts } from '@/lib/settings';
import { FollowUpAnswer } from '@/components/actions/FollowUpAnswer';
import { SourceLabel } from '@/components/actions/SourceLabel';
import '@/components/actions/actions.css';

type View =
  | { kind: 'follow-up'; due: Action[]; drafts: Record<string, string> }
  | { kind: 'assessment' }
  | { kind: 'none' };

async function loadView(now: number): Promise<View> {
  const due = await listDueFollowUps(now);
  if (due.length) return { kind: 'follow-up', due, drafts: await followUpDrafts.getValue() };
  if (!(await assessmentReminder.getValue())) return { kind: 'none' };
  const state = await assessmentSchedule.getValue();
  // Before the background's first run there is no clock for the first check yet: nothing is due.
  if (state.anchorAt === null) return { kind: 'none' };
  const latest = await latestAssessment();
  const timing = {
    anchorAt: state.anchorAt,
    snoozedUntil: state.snoozedUntil,
    ...(latest ? { lastAt: latest.createdAt } : {}),
  };
  return isAssessmentDue(timing, now) ? { kind: 'assessment' } : { kind: 'none' };
}

/**
 * The popup asks about a follow-up that has come due: did you do it, and what effect did it
 * have? With none due, it offers the monthly learning-environment check when that is due.
 * Renders nothing when nothing is due.
 */
export function FollowUpPrompt() {
  const live = useLiveQuery(() => loadView(Date.now()), ['actions', 'assessments']);
  const [thanks, setThanks] = useState('');
  if (live.error) console.error('Follow-up card:', live.error);
  const view: View = live.data ?? { kind: 'none' };

  const answered = (result: 'done' | 'dropped' | 'later') => {
    setThanks(
      result === 'done'
        ? t('followUpThanksDone')
        : result === 'dropped'
          ? t('followUpThanksDropped')
          : t('followUpThanksLater'),
    );
  };

  const notNow = async () => {
    await snoozeAssessment();
    live.reload();
  };

  const libraryUrl = browser.runtime.getURL('/library.html');

  if (view.kind === 'follow-up') {
    const action = view.due[0]!;
    return (
      <section class="card follow-up-card" aria-labelledby="follow-up-heading" data-wait="follow-up">
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
        <p class="follow-up-action" dir="auto">
          {action.text}
        </p>
        <p class="small">
          <SourceLabel source={action.source} libraryUrl={libraryUrl} />
        </p>
        <FollowUpAnswer
          key={action.id}
          action={action}
          idPrefix="popup-follow-up"
          initialOutcome={view.drafts[action.id] ?? ''}
          onOutcomeInput={(text) => void saveFollowUpDraft(action.id, text)}
          onAnswered={(_updated, result) => answered(result)}
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
        <section class="card follow-up-card" aria-labelledby="check-offer-heading" data-wait="assessment">
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
