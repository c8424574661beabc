import { useEffect, useRef, useState } from 'preact/hooks';
import { type ActivityProblem, type ActivityType, today } from '@/lib/activities/activity';
import { ActivityTypeOptions } from './ActivityTypeOptions';
import { logActivity } from '@/lib/app/activities';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Resource } from '@/lib/model/resource';
import { type MessageKey, t } from '@/lib/i18n';
import { LIMITS, parseTagInput } from '@/lib/infra/limits';
import './activities.css';
import { DateField } from '@/components/fields/DateField';

interface Props {
  /** The popup's quick form (type, title, day) or the library's whole one. */
  full: boolean;
  onLogged: (resource: Resource) => void;
  onCancel?: () => void;
  /** Prefilled from elsewhere (a reflection's answer). */
  initial?: { title?: string; notes?: string; type?: ActivityType };
  idPrefix: string;
}

const PROBLEM_TEXT: Record<ActivityProblem, MessageKey> = {
  title: 'libLogProblemTitle',
  type: 'libLogProblemTitle',
  happenedOn: 'libLogProblemDate',
  durationMin: 'libLogProblemDuration',
  isbn: 'libLogProblemIsbn',
};

/** What the library's whole form adds to the popup's quick one (the notes, prefilled, go in either). */
interface Details {
  withWhom: string;
  minutes: string;
  author: string;
  isbn: string;
  notes: string;
  tags: string;
}
const NO_DETAILS: Details = { withWhom: '', minutes: '', author: '', isbn: '', notes: '', tags: '' };

/** What is logged: the fields filled in (the whole form's only from the whole form, a book's only for a book). */
function activityInput(
  { type, title, day }: { type: ActivityType; title: string; day: string },
  { withWhom, minutes, author, isbn, notes, tags }: Details,
  full: boolean,
) {
  const book = type === 'book';
  return {
    type,
    title,
    happenedOn: day,
    ...(full && withWhom.trim() ? { withWhom } : {}),
    ...(full && minutes.trim() ? { durationMin: Number(minutes.replace(',', '.')) } : {}),
    ...(full && book && author.trim() ? { author } : {}),
    ...(full && book && isbn.trim() ? { isbn } : {}),
    ...(notes.trim() ? { notes } : {}),
    ...(full && tags.trim() ? { tags: parseTagInput(tags) } : {}),
  };
}

type Marks = ReturnType<typeof problemMarks>;

/** How a field shows its problem: the message, and the attributes that tie the field to it. */
function problemMarks(problems: ActivityProblem[], id: (name: string) => string) {
  const problemOf = (field: ActivityProblem) =>
    problems.includes(field) ? (
      <span id={id(`${field}-problem`)} class="notice notice-error small" role="alert">
        {t(PROBLEM_TEXT[field])}
      </span>
    ) : null;
  const invalid = (field: ActivityProblem) =>
    problems.includes(field) ? { 'aria-invalid': true, 'aria-describedby': id(`${field}-problem`) } : {};
  return { problemOf, invalid };
}

/** The whole form's fields: with whom, how long, a book's author and ISBN, notes and tags. */
function ActivityDetailFields({
  details,
  onDetails,
  book,
  id,
  marks: { problemOf, invalid },
}: {
  details: Details;
  onDetails: (patch: Partial<Details>) => void;
  book: boolean;
  id: (name: string) => string;
  marks: Marks;
}) {
  return (
    <>
      <label class="field">
        <span>{t('libLogWithWhom')}</span>
        <input
          class="input"
          type="text"
          value={details.withWhom}
          maxLength={LIMITS.withWhom}
          aria-describedby={id('with-hint')}
          onInput={(e) => onDetails({ withWhom: e.currentTarget.value })}
        />
        <span id={id('with-hint')} class="small muted">
          {t('libLogWithWhomHint')}
        </span>
      </label>
      <label class="field">
        <span>{t('libLogDuration')}</span>
        <input
          class="input"
          type="text"
          inputMode="numeric"
          value={details.minutes}
          {...invalid('durationMin')}
          onInput={(e) => onDetails({ minutes: e.currentTarget.value })}
        />
        {problemOf('durationMin')}
      </label>
      {book && (
        <>
          <label class="field">
            <span>{t('libLogAuthor')}</span>
            <input
              class="input"
              type="text"
              value={details.author}
              maxLength={LIMITS.author}
              onInput={(e) => onDetails({ author: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span>{t('libLogIsbn')}</span>
            <input
              class="input"
              type="text"
              value={details.isbn}
              maxLength={20}
              {...invalid('isbn')}
              onInput={(e) => onDetails({ isbn: e.currentTarget.value })}
            />
            {problemOf('isbn')}
          </label>
        </>
      )}
      <label class="field activity-wide">
        <span>{t('libLogNotes')}</span>
        <textarea
          class="input"
          rows={4}
          value={details.notes}
          maxLength={LIMITS.notes}
          onInput={(e) => onDetails({ notes: e.currentTarget.value })}
        />
      </label>
      <label class="field activity-wide">
        <span>{t('popupTags')}</span>
        <input
          class="input"
          type="text"
          value={details.tags}
          placeholder={t('popupTagsPlaceholder')}
          onInput={(e) => onDetails({ tags: e.currentTarget.value })}
        />
      </label>
    </>
  );
}

/**
 * Log learning that has no link, keyboard first: the type, a title, the day (today unless
 * changed), Enter. The library's form also takes with whom, how long, a book's author and ISBN,
 * notes and tags.
 */
export function ActivityForm({ full, onLogged, onCancel, initial = {}, idPrefix }: Props) {
  const [type, setType] = useState<ActivityType>(initial.type ?? 'workshop');
  const [title, setTitle] = useState(initial.title ?? '');
  const [day, setDay] = useState(() => today());
  const [details, setDetails] = useState<Details>(() => ({ ...NO_DETAILS, notes: initial.notes ?? '' }));
  const [problems, setProblems] = useState<ActivityProblem[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const typeSelect = useRef<HTMLSelectElement>(null);
  // The user asked for this form: it starts where they type, at its first field.
  useEffect(() => typeSelect.current?.focus(), []);
  const id = (name: string) => `${idPrefix}-${name}`;
  const book = type === 'book';

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const result = await logActivity(activityInput({ type, title, day }, details, full));
      if (!result.ok) {
        setProblems(result.problems);
        if (result.problems.includes('title')) titleInput.current?.focus();
        return;
      }
      setProblems([]);
      onLogged(result.resource);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  const marks = problemMarks(problems, id);
  const { problemOf, invalid } = marks;

  return (
    <form class={full ? 'activity-form activity-form-full' : 'activity-form'} onSubmit={submit} noValidate>
      <label class="field">
        <span>{t('popupLogType')}</span>
        <select
          ref={typeSelect}
          class="input"
          value={type}
          onChange={(e) => setType(e.currentTarget.value as ActivityType)}
        >
          <ActivityTypeOptions />
        </select>
      </label>
      <label class="field activity-title">
        <span>{full ? t('libLogName') : t('popupLogTitle')}</span>
        <input
          ref={titleInput}
          class="input"
          type="text"
          value={title}
          maxLength={LIMITS.title}
          placeholder={t('popupLogTitlePlaceholder')}
          {...invalid('title')}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        {problemOf('title')}
      </label>
      <DateField
        label={t('popupLogDate')}
        value={day}
        max={today()}
        onValue={setDay}
        problemId={problems.includes('happenedOn') ? id('happenedOn-problem') : undefined}
      >
        {problemOf('happenedOn')}
      </DateField>
      {full && (
        <ActivityDetailFields
          details={details}
          onDetails={(patch) => setDetails((now) => ({ ...now, ...patch }))}
          book={book}
          id={id}
          marks={marks}
        />
      )}
      <div class="row activity-buttons">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {full ? t('libLogSave') : t('popupLogSave')}
        </button>
        {onCancel && (
          <button type="button" class="btn btn-ghost" onClick={onCancel}>
            {t('popupLogCancel')}
          </button>
        )}
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
