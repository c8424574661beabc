import { useState } from 'preact/hooks';
import { answerFollowUp } from '@/lib/app/actions';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Action } from '@/lib/model/action';
import { t } from '@/lib/i18n';
import { followUpFromPreset, fromDateInput, toDateInput } from '@/lib/actions/follow-up';
import { ErrorNotice } from '@/components/Notices';
import { DateField } from '@/components/fields/DateField';

interface Props {
  action: Action;
  /** Start from a saved draft (the popup keeps one per action). */
  initialOutcome?: string;
  onOutcomeInput?: (text: string) => void;
  onAnswered?: (updated: Action, result: 'done' | 'dropped' | 'later') => void;
  /** Ids must be unique on the page. */
  idPrefix: string;
}

/** "Did you do it, and what effect did it have?": done, dropped, or ask again on a date. */
export function FollowUpAnswer({ action, initialOutcome = '', onOutcomeInput, onAnswered, idPrefix }: Props) {
  const [outcome, setOutcome] = useState(initialOutcome || action.outcome || '');
  const [date, setDate] = useState(() => toDateInput(followUpFromPreset('week', Date.now())));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const outcomeId = `${idPrefix}-outcome`;

  const answer = async (result: 'done' | 'dropped' | 'later') => {
    setError('');
    let followUpAt: number | undefined;
    if (result === 'later') {
      followUpAt = fromDateInput(date);
      if (followUpAt === undefined || followUpAt <= Date.now()) {
        setError(t('followUpDateInPast'));
        return;
      }
    }
    setBusy(true);
    try {
      const updated = await answerFollowUp(
        action.id,
        result === 'later' ? { result, outcome, followUpAt: followUpAt! } : { result, outcome },
      );
      if (updated) onAnswered?.(updated, result);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="follow-up-answer" noValidate onSubmit={(event) => event.preventDefault()}>
      <label class="field" for={outcomeId}>
        <span>{t('followUpOutcomeLabel')}</span>
      </label>
      <textarea
        id={outcomeId}
        class="input"
        rows={3}
        value={outcome}
        placeholder={t('followUpOutcomePlaceholder')}
        onInput={(event) => {
          setOutcome(event.currentTarget.value);
          onOutcomeInput?.(event.currentTarget.value);
        }}
      />
      <div class="follow-up-did" role="group" aria-labelledby={`${idPrefix}-did`}>
        <p id={`${idPrefix}-did`} class="follow-up-question">
          {t('followUpQuestion')}
        </p>
        <div class="follow-up-buttons">
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void answer('done')}>
            {t('followUpDone')}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={() => void answer('dropped')}>
            {t('followUpDropped')}
          </button>
        </div>
      </div>
      <div class="follow-up-later">
        <DateField
          label={t('followUpNewDate')}
          inputClass="follow-up-date"
          value={date}
          min={toDateInput(Date.now())}
          onValue={setDate}
        />
        <button type="button" class="btn" disabled={busy} onClick={() => void answer('later')}>
          {t('followUpLater')}
        </button>
      </div>
      <ErrorNotice message={error} />
    </form>
  );
}
