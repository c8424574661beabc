import { useEffect, useRef, useState } from 'preact/hooks';
import { createAction } from '@/lib/app/actions';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Action } from '@/lib/model/action';
import { formatDate, t, type MessageKey } from '@/lib/i18n';
import { LIMITS } from '@/lib/infra/limits';
import {
  FOLLOW_UP_PRESETS,
  followUpFromPreset,
  fromDateInput,
  toDateInput,
  type FollowUpPreset,
} from '@/lib/actions/follow-up';
import type { LoadedSource } from '@/lib/actions/source';
import { loadSource } from '@/lib/app/action-sources';
import { ErrorNotice } from '@/components/Notices';
import { DateField } from '@/components/fields/DateField';

type Choice = FollowUpPreset | 'date' | 'none';

const PRESET_LABELS: Record<FollowUpPreset, MessageKey> = {
  week: 'followUpInAWeek',
  'two-weeks': 'followUpInTwoWeeks',
  month: 'followUpInAMonth',
};

const DEFAULT_CHOICE: Choice = 'week';
/** The day the date field offers until the user picks one: a week from now. */
const defaultDate = () => toDateInput(followUpFromPreset('week', Date.now()));

interface Props {
  /** `reflection:<id>` or `resource:<id>` from the route. */
  from?: string;
  /** Words to start from (`#actions?draft=…`), e.g. the monthly check's weakest condition. */
  draft?: string;
  onSaved?: (action: Action) => void;
}

/** When to follow the action up: a week, two, a month, a day of one's own, or not at all. */
function FollowUpChoice({
  choice,
  date,
  now,
  onPick,
  onDate,
}: {
  choice: Choice;
  date: string;
  now: number;
  onPick: (next: Choice) => void;
  onDate: (day: string) => void;
}) {
  return (
    <fieldset class="follow-up-choice">
      <legend class="label">{t('followUpLegend')}</legend>
      <div class="follow-up-options">
        {FOLLOW_UP_PRESETS.map((preset) => (
          <label key={preset} class="radio-pill">
            <input type="radio" name="follow-up" checked={choice === preset} onChange={() => onPick(preset)} />
            <span>
              {t(PRESET_LABELS[preset])}{' '}
              <span class="muted small">
                ({formatDate(followUpFromPreset(preset, now), { day: 'numeric', month: 'short' })})
              </span>
            </span>
          </label>
        ))}
        <label class="radio-pill">
          <input type="radio" name="follow-up" checked={choice === 'date'} onChange={() => onPick('date')} />
          <span>{t('followUpOnDate')}</span>
        </label>
        <label class="radio-pill">
          <input type="radio" name="follow-up" checked={choice === 'none'} onChange={() => onPick('none')} />
          <span>{t('followUpNone')}</span>
        </label>
      </div>
      {choice === 'date' && (
        <DateField
          label={t('followUpDateLabel')}
          inputClass="follow-up-date"
          value={date}
          min={toDateInput(now)}
          onValue={onDate}
        />
      )}
    </fieldset>
  );
}

/** Write a concrete action, from a reflection, a resource or on its own, with a follow-up date. */
export function ActionForm({ from, draft, onSaved }: Props) {
  const [loaded, setLoaded] = useState<LoadedSource | null>(null);
  const [missing, setMissing] = useState(false);
  const [text, setText] = useState(() => (draft ?? '').slice(0, LIMITS.actionText));
  const [choice, setChoice] = useState<Choice>(DEFAULT_CHOICE);
  const [date, setDate] = useState(defaultDate);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let alive = true;
    setMissing(false);
    setLoaded(null);
    if (!from) return;
    void loadSource(from).then(
      (result) => {
        if (!alive) return;
        setLoaded(result);
        setMissing(result === null);
        // From one takeaway, quote or clip: the action starts from its words, ready to sharpen.
        if (result?.suggested) setText((current) => current || (result.suggested ?? ''));
        textRef.current?.focus();
      },
      () => alive && setMissing(true),
    );
    return () => {
      alive = false;
    };
  }, [from]);

  const pick = (next: Choice) => {
    setChoice(next);
    if (next !== 'none' && next !== 'date') setDate(toDateInput(followUpFromPreset(next, Date.now())));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    setSaved('');
    if (!text.trim()) {
      setError(t('actionTextRequired'));
      textRef.current?.focus();
      return;
    }
    let followUpAt: number | undefined;
    if (choice !== 'none') {
      followUpAt = choice === 'date' ? fromDateInput(date) : followUpFromPreset(choice, Date.now());
      if (followUpAt === undefined) {
        setError(t('followUpDateInvalid'));
        return;
      }
    }
    setBusy(true);
    try {
      const action = await createAction({
        text,
        ...(loaded ? { source: loaded.source } : {}),
        ...(followUpAt !== undefined ? { followUpAt } : {}),
      });
      // The next action starts afresh: the follow-up back to a week from now, not the last one's date.
      setText('');
      setChoice(DEFAULT_CHOICE);
      setDate(defaultDate());
      setSaved(followUpAt !== undefined ? t('actionSavedWithFollowUp', formatDate(followUpAt)) : t('actionSaved'));
      setLoaded(null);
      onSaved?.(action);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  const now = Date.now();
  return (
    <form
      class="card panel action-form"
      aria-labelledby="new-action-heading"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="new-action-heading">{t('actionNewHeading')}</h2>
      {loaded && (
        <div class="action-from">
          <span class="label">
            {loaded.source.kind === 'reflection' ? t('actionFromReflectionHeading') : t('actionFromResourceHeading')}
          </span>
          <p class="action-from-text">{loaded.source.kind === 'resource' ? loaded.source.title : loaded.detail}</p>
          {loaded.source.kind === 'resource' && loaded.detail && (
            <p class="action-from-detail muted small clamp-2">{loaded.detail}</p>
          )}
        </div>
      )}
      {missing && <p class="notice notice-warn">{t('actionSourceMissing')}</p>}
      <label class="field">
        <span>{t('actionTextLabel')}</span>
        <textarea
          ref={textRef}
          class="input"
          rows={3}
          maxLength={LIMITS.actionText}
          value={text}
          placeholder={t('actionTextPlaceholder')}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      <FollowUpChoice choice={choice} date={date} now={now} onPick={pick} onDate={setDate} />
      <ErrorNotice message={error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('actionSave')}
        </button>
        <p role="status" class="small action-saved">
          {saved}
        </p>
      </div>
    </form>
  );
}
