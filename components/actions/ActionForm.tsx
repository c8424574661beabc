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

interface Props {
  /** `reflection:<id>` or `resource:<id>` from the route. */
  from?: string;
  /** Words to start from (`#actions?draft=…`), e.g. the monthly check's weakest condition. */
  draft?: string;
  onSaved?: (action: Action) => void;
}

/** Write a concrete action, from a reflection, a resource or on its own, with a follow-up date. */
export function ActionForm({ from, draft, onSaved }: Props) {
  const [loaded, setLoaded] = useState<LoadedSource | null>(null);
  const [missing, setMissing] = useState(false);
  const [text, setText] = useState(() => (draft ?? '').slice(0, LIMITS.actionText));
  const [choice, setChoice] = useState<Choice>('week');
  const [date, setDate] = useState(() => toDateInput(followUpFromPreset('week', Date.now())));
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
      setText('');
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
      <fieldset class="follow-up-choice">
        <legend class="label">{t('followUpLegend')}</legend>
        <div class="follow-up-options">
          {FOLLOW_UP_PRESETS.map((preset) => (
            <label key={preset} class="radio-pill">
              <input type="radio" name="follow-up" checked={choice === preset} onChange={() => pick(preset)} />
              <span>
                {t(PRESET_LABELS[preset])}{' '}
                <span class="muted small">
                  ({formatDate(followUpFromPreset(preset, now), { day: 'numeric', month: 'short' })})
                </span>
              </span>
            </label>
          ))}
          <label class="radio-pill">
            <input type="radio" name="follow-up" checked={choice === 'date'} onChange={() => pick('date')} />
            <span>{t('followUpOnDate')}</span>
          </label>
          <label class="radio-pill">
            <input type="radio" name="follow-up" checked={choice === 'none'} onChange={() => pick('none')} />
            <span>{t('followUpNone')}</span>
          </label>
        </div>
        {choice === 'date' && (
          <DateField
            label={t('followUpDateLabel')}
            inputClass="follow-up-date"
            value={date}
            min={toDateInput(now)}
            onValue={setDate}
          />
        )}
      </fieldset>
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
