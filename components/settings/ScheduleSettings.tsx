import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { saveSetting } from '@/lib/app/settings';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { formatNumber, t, type MessageKey } from '@/lib/i18n';
import { describeSchedule, formatMinutes, formatPromptTime, WEEK_ORDER, weekdayName } from '@/lib/prompts/describe';
import { hostTimeZone, nextPromptAt, PRESETS, presetOf, type SchedulePreset } from '@/lib/prompts/schedule';
import { promptSchedule, REVIEWS_PER_PROMPT_MAX, reviewsPerPrompt, type PromptSchedule } from '@/lib/settings';
import { ImportedReviewsField } from './ImportedReviewsField';
import { PromptSettings } from './PromptSettings';
import './schedule-settings.css';
import { ErrorNotice } from '@/components/Notices';
import { TimeField } from '@/components/fields/TimeField';

const PRESET_LABELS: { preset: SchedulePreset; label: MessageKey }[] = [
  { preset: 'everyDay', label: 'schedulePresetEveryDay' },
  { preset: 'weekdays', label: 'schedulePresetWeekdays' },
  { preset: 'weekly', label: 'schedulePresetWeekly' },
];
const SNOOZE_CHOICES = [10, 30, 60, 120, 240];

type SaveSchedule = (patch: Partial<PromptSchedule>) => Promise<void>;

/** The days prompts come on: a preset, or the days one by one. */
function ScheduleDays({
  schedule,
  disabled,
  save,
}: {
  schedule: PromptSchedule;
  disabled: boolean;
  save: SaveSchedule;
}) {
  const preset = presetOf(schedule.days);
  const toggleDay = (day: number, on: boolean) => {
    const days = on ? [...new Set([...schedule.days, day])] : schedule.days.filter((d) => d !== day);
    void save({ days: days.sort() });
  };
  return (
    <fieldset class="schedule-group" disabled={disabled}>
      <legend class="label">{t('scheduleDays')}</legend>
      <div class="row schedule-presets" role="group" aria-label={t('schedulePresets')}>
        {PRESET_LABELS.map(({ preset: p, label }) => (
          <button
            key={p}
            type="button"
            class="btn btn-small"
            aria-pressed={preset === p}
            onClick={() => void save({ days: PRESETS[p](schedule.days) })}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div class="schedule-days">
        {WEEK_ORDER.map((day) => (
          <label key={day} class="checkbox schedule-day">
            <input
              type="checkbox"
              checked={schedule.days.includes(day)}
              onChange={(e) => toggleDay(day, e.currentTarget.checked)}
            />
            {weekdayName(day)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The hours no prompt comes in. */
function QuietHours({ schedule, save }: { schedule: PromptSchedule; save: SaveSchedule }) {
  const quiet = schedule.quietHours;
  return (
    <fieldset class="schedule-group" disabled={!schedule.enabled}>
      <legend class="label">{t('scheduleQuietHours')}</legend>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={quiet.enabled}
          onChange={(e) => void save({ quietHours: { ...quiet, enabled: e.currentTarget.checked } })}
        />
        {t('scheduleQuietEnabled')}
      </label>
      <div class="schedule-fields">
        <TimeField
          label={t('scheduleQuietFrom')}
          disabled={!quiet.enabled}
          value={quiet.start}
          onValue={(m) => void save({ quietHours: { ...quiet, start: m } })}
        />
        <TimeField
          label={t('scheduleQuietTo')}
          disabled={!quiet.enabled}
          value={quiet.end}
          onValue={(m) => void save({ quietHours: { ...quiet, end: m } })}
        />
      </div>
      <p class="small muted">{t('scheduleQuietHelp')}</p>
    </fieldset>
  );
}

/** When prompts come: saved at every change, and the background re-plans its alarm at once. */
export function ScheduleSettings() {
  const stored = useStorageItem(promptSchedule);
  const reviews = useStorageItem(reviewsPerPrompt) ?? 3;
  // Edits show at once (two quick clicks build on each other); the stored value follows.
  const [schedule, setSchedule] = useState<PromptSchedule | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (stored) setSchedule(stored);
  }, [stored]);

  const save = async (patch: Partial<PromptSchedule>) => {
    if (!schedule) return;
    const next = { ...schedule, ...patch };
    setSchedule(next);
    setError('');
    try {
      await saveSetting('promptSchedule', next);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  const saveReviews = async (count: number) => {
    setError('');
    try {
      await saveSetting('reviewsPerPrompt', count);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  if (!schedule) return null;
  const next = nextPromptAt(Date.now(), schedule, hostTimeZone());
  const slotUsed = schedule.enabled || reviews > 0;

  return (
    <>
      <section id="schedule" class="card panel schedule-settings" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading" tabIndex={-1}>
          {t('scheduleHeading')}
        </h2>
        <p class="muted small">{t('scheduleIntro')}</p>
        <label class="checkbox schedule-enabled">
          <input
            type="checkbox"
            checked={schedule.enabled}
            onChange={(e) => void save({ enabled: e.currentTarget.checked })}
          />
          {t('scheduleEnabled')}
        </label>

        {/* The review keeps the prompt's days and time when prompts are off. */}
        <ScheduleDays schedule={schedule} disabled={!slotUsed} save={save} />

        <div class="schedule-fields">
          <TimeField
            label={t('scheduleTime')}
            disabled={!slotUsed}
            value={schedule.timeOfDay}
            onValue={(m) => void save({ timeOfDay: m })}
          />
          <label class="field">
            <span>{t('scheduleSnooze')}</span>
            <select
              class="input"
              disabled={!schedule.enabled}
              value={String(schedule.snoozeMinutes)}
              onChange={(e) => void save({ snoozeMinutes: Number(e.currentTarget.value) })}
            >
              {[...new Set([...SNOOZE_CHOICES, schedule.snoozeMinutes])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={String(m)}>
                    {formatMinutes(m)}
                  </option>
                ))}
            </select>
          </label>
        </div>

        <QuietHours schedule={schedule} save={save} />

        <label class="field schedule-reviews">
          <span>{t('reviewSettingLabel')}</span>
          <select
            class="input"
            value={String(reviews)}
            onChange={(e) => void saveReviews(Number(e.currentTarget.value))}
          >
            {Array.from({ length: REVIEWS_PER_PROMPT_MAX + 1 }, (_, n) => (
              <option key={n} value={String(n)}>
                {formatNumber(n)}
              </option>
            ))}
          </select>
          <span class="small muted">{t('reviewSettingHint')}</span>
        </label>
        <ImportedReviewsField />

        <p class={`notice ${next === null ? 'notice-warn' : 'notice-ok'}`} role="status">
          {!schedule.enabled
            ? t('scheduleOff')
            : next === null
              ? t('scheduleNoDays')
              : t('scheduleNext', formatPromptTime(next), describeSchedule(schedule))}
        </p>
        <ErrorNotice message={error} />
      </section>
      <PromptSettings />
    </>
  );
}
