import { useRef, useState } from 'preact/hooks';
import type { Resource, TimestampNote } from '@/lib/db/types';
import { formatClock, t } from '@/lib/i18n';
import { LIMITS } from '@/lib/limits';
import { parseClock } from '@/lib/library/clock';
import { openUrl } from '@/lib/resource-links';

interface Props {
  resource: Resource;
  notes: readonly TimestampNote[];
  onChange: (notes: TimestampNote[]) => void;
}

/**
 * Notes at moments in a video, each a link that opens the video at that second. The first note
 * starts where the user was when they saved the video.
 */
export function ResourceTimestampNotes({ resource, notes, onChange }: Props) {
  const defaultTime = notes.length === 0 && resource.positionSec ? formatClock(resource.positionSec) : '';
  const [time, setTime] = useState(defaultTime);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const timeInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLInputElement>(null);
  const [touchedTime, setTouchedTime] = useState(false);
  const shownTime = touchedTime ? time : defaultTime;

  const add = (event: Event) => {
    event.preventDefault();
    const atSec = parseClock(shownTime);
    if (atSec === undefined) {
      setError(t('libStampBadTime'));
      timeInput.current?.focus();
      return;
    }
    if (!text.trim()) {
      textInput.current?.focus();
      return;
    }
    setError('');
    onChange([...notes, { atSec, text: text.trim() }].sort((a, b) => a.atSec - b.atSec));
    setText('');
    setTime('');
    setTouchedTime(true);
    textInput.current?.focus();
  };

  const edit = (at: number, value: string) =>
    onChange(notes.map((note, i) => (i === at ? { ...note, text: value } : note)));
  const remove = (at: number) => onChange(notes.filter((_, i) => i !== at));

  return (
    <section class="res-stamps card panel" aria-labelledby="res-stamps-title">
      <h2 id="res-stamps-title">{t('libStampsTitle')}</h2>
      {notes.length === 0 ? (
        <p class="small muted">{t('libStampsEmpty')}</p>
      ) : (
        <ol class="res-stamp-list">
          {notes.map((note, i) => {
            const clock = formatClock(note.atSec);
            const href = openUrl(resource, note.atSec);
            return (
              <li key={`${i}-${note.atSec}`} class="res-stamp">
                {href ? (
                  <a
                    class="res-stamp-time"
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t('libStampOpenAt', clock)}
                  >
                    {clock}
                  </a>
                ) : (
                  <span class="res-stamp-time">{clock}</span>
                )}
                <input
                  class="input"
                  type="text"
                  value={note.text}
                  maxLength={LIMITS.timestampNoteText}
                  aria-label={t('libStampNoteAt', clock)}
                  onInput={(e) => edit(i, e.currentTarget.value)}
                />
                <button
                  type="button"
                  class="btn btn-small btn-ghost"
                  aria-label={t('libStampRemoveAt', clock)}
                  title={t('libStampRemove')}
                  onClick={() => remove(i)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {notes.length < LIMITS.timestampNotes && (
        <form class="res-stamp-add" onSubmit={add}>
          <label class="field res-stamp-at">
            <span>{t('libStampTime')}</span>
            <input
              ref={timeInput}
              class="input"
              type="text"
              inputMode="numeric"
              value={shownTime}
              placeholder={t('libStampTimePlaceholder')}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'res-stamp-error' : undefined}
              onInput={(e) => {
                setTouchedTime(true);
                setTime(e.currentTarget.value);
              }}
            />
          </label>
          <label class="field res-stamp-text">
            <span>{t('libStampText')}</span>
            <input
              ref={textInput}
              class="input"
              type="text"
              value={text}
              maxLength={LIMITS.timestampNoteText}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="btn">
            {t('libStampAdd')}
          </button>
          {error && (
            <p id="res-stamp-error" class="notice notice-error small" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
