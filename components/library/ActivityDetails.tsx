import { useEffect, useRef, useState } from 'preact/hooks';
import { ActivityTypeOptions } from '@/components/activities/ActivityTypeOptions';
import { type ActivityType, isDay, isIsbn, today } from '@/lib/model/activity';
import type { ActivityPatch } from '@/lib/app/resources';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { LIMITS } from '@/lib/infra/limits';
import { DateField } from '@/components/fields/DateField';

/** A text field that keeps what is typed while focused, and follows the record otherwise. */
function useField(stored: string) {
  const [value, setValue] = useState(stored);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(stored);
  }, [stored]);
  return { value, setValue, input };
}

/** An activity's own fields on its page: its kind of learning, the day, with whom, how long, a book's details. */
export function ActivityDetails({
  resource,
  onChange,
}: {
  resource: Resource;
  onChange: (patch: ActivityPatch) => void;
}) {
  const withWhom = useField(resource.withWhom ?? '');
  const minutes = useField(resource.durationSec ? String(Math.round(resource.durationSec / 60)) : '');
  const author = useField(resource.author ?? '');
  const isbn = useField(resource.isbn ?? '');
  const isbnBad = isbn.value.trim() !== '' && !isIsbn(isbn.value);
  return (
    <section class="card panel activity-details" aria-labelledby="activity-details-title">
      <h2 id="activity-details-title">{t('libActivityDetails')}</h2>
      <p class="small muted">{t('libActivityNoLink')}</p>
      <div class="activity-form activity-form-full">
        <label class="field">
          <span>{t('popupLogType')}</span>
          <select
            class="input"
            value={resource.activityType ?? 'other'}
            onChange={(e) => onChange({ activityType: e.currentTarget.value as ActivityType })}
          >
            <ActivityTypeOptions />
          </select>
        </label>
        <DateField
          label={t('popupLogDate')}
          value={resource.happenedOn ?? ''}
          max={today()}
          onValue={(day) => {
            if (isDay(day) && day !== resource.happenedOn) onChange({ happenedOn: day });
          }}
        />
        <label class="field">
          <span>{t('libLogWithWhom')}</span>
          <input
            ref={withWhom.input}
            class="input"
            type="text"
            value={withWhom.value}
            maxLength={LIMITS.withWhom}
            onInput={(e) => {
              withWhom.setValue(e.currentTarget.value);
              onChange({ withWhom: e.currentTarget.value || null });
            }}
          />
        </label>
        <label class="field">
          <span>{t('libLogDuration')}</span>
          <input
            ref={minutes.input}
            class="input"
            type="text"
            inputMode="numeric"
            value={minutes.value}
            onInput={(e) => {
              minutes.setValue(e.currentTarget.value);
              const n = Number(e.currentTarget.value.replace(',', '.'));
              if (!e.currentTarget.value.trim()) onChange({ durationMin: null });
              else if (Number.isFinite(n) && n > 0) onChange({ durationMin: n });
            }}
          />
        </label>
        {resource.activityType === 'book' && (
          <>
            <label class="field">
              <span>{t('libLogAuthor')}</span>
              <input
                ref={author.input}
                class="input"
                type="text"
                value={author.value}
                maxLength={LIMITS.author}
                onInput={(e) => {
                  author.setValue(e.currentTarget.value);
                  onChange({ author: e.currentTarget.value || null });
                }}
              />
            </label>
            <label class="field">
              <span>{t('libLogIsbn')}</span>
              <input
                ref={isbn.input}
                class="input"
                type="text"
                value={isbn.value}
                maxLength={20}
                aria-invalid={isbnBad || undefined}
                aria-describedby={isbnBad ? 'activity-isbn-problem' : undefined}
                onInput={(e) => {
                  isbn.setValue(e.currentTarget.value);
                  const value = e.currentTarget.value;
                  if (!value.trim()) onChange({ isbn: null });
                  else if (isIsbn(value)) onChange({ isbn: value });
                }}
              />
              {isbnBad && (
                <span id="activity-isbn-problem" class="notice notice-error small">
                  {t('libLogProblemIsbn')}
                </span>
              )}
            </label>
          </>
        )}
      </div>
    </section>
  );
}
