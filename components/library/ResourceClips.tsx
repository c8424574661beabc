import { useRef, useState } from 'preact/hooks';
import { useGrowing } from '@/components/fields/growing';
import { newActionHref } from '@/lib/actions/source';
import { checkClipTime, clipTimeLimit, formatClipTime, formatClock, parseClock } from '@/lib/infra/video-time';
import type { Clip } from '@/lib/model/clip';
import type { Resource } from '@/lib/model/resource';
import { newId } from '@/lib/infra/ids';
import { t } from '@/lib/i18n';
import { capLine, LIMITS } from '@/lib/infra/limits';
import { openUrl } from '@/lib/format/resource-links';

interface Props {
  resource: Resource;
  clips: readonly Clip[];
  onChange: (clips: Clip[]) => void;
  /** The clip becomes a takeaway of its own, whose review card replaces the clip's. */
  onTakeaway?: (clip: Clip, line: string) => Promise<boolean>;
}

/** What a clip says as a takeaway: its time, then its note, else what was said there. */
export function clipTakeawayLine(clip: Clip): string {
  const words = clip.note.trim() || clip.transcript?.join(' ').trim() || '';
  return words ? `${formatClipTime(clip)} ${words}` : '';
}

/**
 * A clip's note, edited in place and shown whole: it grows with its lines. Shift+Enter breaks the
 * line; Enter is done with it.
 */
function ClipNoteField({
  note,
  label,
  onNote,
  onDone,
}: {
  note: string;
  label: string;
  onNote: (note: string) => void;
  onDone: () => void;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  useGrowing(box, note);
  return (
    <textarea
      ref={box}
      class="input res-clip-note"
      rows={1}
      value={note}
      maxLength={LIMITS.clipNote}
      aria-label={label}
      dir="auto"
      onInput={(e) => onNote(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          onDone();
        }
      }}
    />
  );
}

/** One moment on the timeline: its time opens the video there; its note is edited in place. */
function ClipEntry({
  resource,
  clip,
  onNote,
  onRemove,
  onDone,
  onTakeaway,
}: {
  resource: Resource;
  clip: Clip;
  onNote: (note: string) => void;
  onRemove: () => void;
  onDone: () => void;
  onTakeaway?: Props['onTakeaway'];
}) {
  const [said, setSaid] = useState('');
  const clock = formatClipTime(clip);
  const line = clipTakeawayLine(clip);
  const href = openUrl(resource, clip.atSec);
  return (
    <li class="res-clip">
      <div class="res-clip-head">
        {href ? (
          <a
            class="res-stamp-time"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('libStampOpenAt', formatClock(clip.atSec))}
          >
            {clock}
          </a>
        ) : (
          <span class="res-stamp-time">{clock}</span>
        )}
        {clip.chapter && (
          <span class="res-clip-chapter small muted" dir="auto">
            {clip.chapter}
          </span>
        )}
        <button
          type="button"
          class="btn btn-small btn-ghost res-clip-remove"
          aria-label={t('libStampRemoveAt', clock)}
          title={t('libStampRemove')}
          onClick={onRemove}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <ClipNoteField note={clip.note} label={t('libStampNoteAt', clock)} onNote={onNote} onDone={onDone} />
      <p class="res-clip-actions small">
        <a
          class="res-clip-action"
          href={newActionHref('resource', resource.id, { kind: 'clip', id: clip.id })}
          aria-label={t('libTakeawayToActionOf', capLine(clip.note ? `${clock} ${clip.note}` : clock, 60))}
        >
          {t('clipMakeAction')}
        </a>
        {onTakeaway && line && (
          <button
            type="button"
            class="btn btn-small btn-ghost res-clip-takeaway"
            aria-label={t('libClipToTakeawayOf', capLine(line, 60))}
            onClick={() => void onTakeaway(clip, line).then((added) => added && setSaid(t('libQuoteTakeawayAdded')))}
          >
            {t('libQuoteToTakeaway')}
          </button>
        )}
        {said && (
          <span class="small muted" role="status">
            {said}
          </span>
        )}
      </p>
      {clip.transcript && clip.transcript.length > 0 && (
        <blockquote class="res-clip-transcript small muted" dir="auto">
          {clip.transcript.join(' ')}
        </blockquote>
      )}
    </li>
  );
}

/**
 * A video's clips as a timeline: time (a link that opens the video at that second), chapter,
 * note, and what was said there when the page showed its transcript. Clips can be added by time,
 * edited and removed.
 */
export function ResourceClips({ resource, clips, onChange, onTakeaway }: Props) {
  // The first clip starts where the user was when they saved the video.
  const [time, setTime] = useState(() =>
    clips.length === 0 && resource.positionSec ? formatClock(resource.positionSec) : '',
  );
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const timeInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLTextAreaElement>(null);
  useGrowing(textInput, text);

  const add = (event: Event) => {
    event.preventDefault();
    const atSec = parseClock(time);
    if (atSec === undefined) {
      setError(t('libStampBadTime'));
      timeInput.current?.focus();
      return;
    }
    if (checkClipTime(atSec, undefined, resource.durationSec) === 'past-end') {
      setError(t('clipPastEnd', formatClock(clipTimeLimit(resource.durationSec))));
      timeInput.current?.focus();
      return;
    }
    if (!text.trim()) {
      textInput.current?.focus();
      return;
    }
    setError('');
    onChange([...clips, { id: newId(), atSec, note: text.trim(), createdAt: Date.now() }]);
    setText('');
    setTime('');
    timeInput.current?.focus();
  };

  const edit = (id: string, note: string) => onChange(clips.map((clip) => (clip.id === id ? { ...clip, note } : clip)));
  const remove = (id: string) => onChange(clips.filter((clip) => clip.id !== id));

  return (
    <section class="res-stamps card panel" aria-labelledby="res-stamps-title">
      <h2 id="res-stamps-title">{t('libStampsTitle')}</h2>
      {clips.length === 0 ? (
        <p class="small muted">{t('libStampsEmpty')}</p>
      ) : (
        <ol class="res-clip-list">
          {clips.map((clip) => (
            <ClipEntry
              key={clip.id}
              resource={resource}
              clip={clip}
              onNote={(note) => edit(clip.id, note)}
              onRemove={() => remove(clip.id)}
              onDone={() => textInput.current?.focus()}
              {...(onTakeaway ? { onTakeaway } : {})}
            />
          ))}
        </ol>
      )}
      {clips.length < LIMITS.clips && (
        <form class="res-stamp-add" onSubmit={add}>
          <label class="field res-stamp-at">
            <span>{t('libStampTime')}</span>
            <input
              ref={timeInput}
              class="input"
              type="text"
              inputMode="numeric"
              value={time}
              placeholder={t('libStampTimePlaceholder')}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'res-stamp-error' : undefined}
              onInput={(e) => setTime(e.currentTarget.value)}
            />
          </label>
          <label class="field res-stamp-text">
            <span>{t('libStampText')}</span>
            <textarea
              ref={textInput}
              class="input res-clip-note"
              rows={1}
              value={text}
              maxLength={LIMITS.clipNote}
              aria-describedby="res-stamp-hint"
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          </label>
          <button type="submit" class="btn">
            {t('libStampAdd')}
          </button>
          <p id="res-stamp-hint" class="small muted res-stamp-hint">
            {t('libStampHint')}
          </p>
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
