import { useEffect, useRef, useState } from 'preact/hooks';
import { useGrowing } from '@/components/fields/growing';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import { addClip, editClipNote, editResource, getResource, removeClip } from '@/lib/app/resources';
import type { CapturedPage } from '@/lib/model/captured-page';
import { chapterAt } from '@/lib/model/chapter';
import { checkClipTime, clipTimeLimit, formatClipTime, formatClock } from '@/lib/infra/video-time';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Clip } from '@/lib/model/clip';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { newId } from '@/lib/infra/ids';
import { LIMITS } from '@/lib/infra/limits';
import { openUrl } from '@/lib/format/resource-links';
import { clearDraft, readDraft, writeDraft } from '@/lib/pages/drafts';
import { clipSegmentSeconds } from '@/lib/settings';
import { OpenBeside } from './OpenBeside';

interface Props {
  page: CapturedPage;
  saved: Resource | null;
  /** Saves the video first when it is not saved yet. */
  ensureSaved: () => Promise<Resource | null>;
  /** Put the focus on the note box when nothing else has it (a saved video's first action). */
  focusFirst?: boolean;
}

type Message = { tone: 'ok' | 'error'; text: string } | null;

/** How recent a clip without a note must be for the popup to open on its note. */
const FRESH_CLIP_MS = 30_000;

/**
 * A listed clip's note, edited in place: saved as typed (the clip is found by id inside the write,
 * so another clip added meanwhile stays). Several lines and shown whole: Shift+Enter breaks the
 * line, Enter is done with it.
 */
export function ClipNote({
  resourceId,
  clip,
  label,
  fresh,
  onDone,
}: {
  resourceId: string;
  clip: Clip;
  label: string;
  fresh: boolean;
  onDone: () => void;
}) {
  const [value, setValue] = useState(clip.note);
  const input = useRef<HTMLTextAreaElement>(null);
  useGrowing(input, value);
  useEffect(() => {
    if (fresh) input.current?.focus();
  }, [fresh]);
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(clip.note);
  }, [clip.note]);
  return (
    <textarea
      ref={input}
      class="clip-note-input"
      rows={1}
      value={value}
      maxLength={LIMITS.clipNote}
      placeholder={t('clipNoteEmpty')}
      aria-label={t('clipNoteOf', label)}
      dir="auto"
      onInput={(e) => {
        setValue(e.currentTarget.value);
        void editClipNote(resourceId, clip.id, e.currentTarget.value).catch(() => undefined);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          onDone();
        }
      }}
    />
  );
}

/** One of the video's clips: its moment opens the video there; its note edits in place. */
function ClipItem({
  resource,
  clip,
  fresh,
  onRemove,
  onDone,
}: {
  resource: Resource;
  clip: Clip;
  fresh: boolean;
  onRemove: () => void;
  onDone: () => void;
}) {
  const label = formatClock(clip.atSec);
  const shown = formatClipTime(clip);
  const href = openUrl(resource, clip.atSec);
  return (
    <li class="clip-item">
      {href ? (
        <a
          class="clip-time"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('libStampOpenAt', label)}
        >
          {shown}
        </a>
      ) : (
        <span class="clip-time">{shown}</span>
      )}
      <span class="clip-text">
        {clip.chapter && (
          <span class="clip-chapter" dir="auto">
            {clip.chapter}
          </span>
        )}
        <ClipNote resourceId={resource.id} clip={clip} label={label} fresh={fresh} onDone={onDone} />
      </span>
      <button
        type="button"
        class="btn btn-small btn-ghost"
        aria-label={t('libStampRemoveAt', label)}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** The clip note's draft sits beside the page's own note draft. */
const draftKey = (page: CapturedPage) => `clip:${page.canonicalUrl}`;

/**
 * A clip at `atSec` (to `endSec` for a segment) of the video `at` the moment the note was started:
 * the chapter it falls in, and what was said, when that moment is the player's own.
 */
function newClip(
  page: CapturedPage,
  { at, atSec, endSec }: { at: number; atSec: number; endSec?: number },
  note: string,
) {
  const chapter = chapterAt(page.chapters, atSec) ?? (at === page.positionSec ? page.chapterNow : undefined);
  const transcript = at === (page.positionSec ?? 0) ? page.transcriptNow : undefined;
  const clip: Clip = {
    id: newId(),
    atSec,
    ...(endSec !== undefined && endSec > atSec ? { endSec } : {}),
    note,
    ...(chapter ? { chapter } : {}),
    ...(transcript?.length ? { transcript } : {}),
    createdAt: Date.now(),
  };
  return clip;
}

/** The video's clips newest first, and the one just made by the keyboard command (no note yet), whose note the popup opens on. */
function listedClips(resource: Resource | null | undefined) {
  const clips = [...(resource?.clips ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  const newest = clips[0];
  const freshId = newest && !newest.note && Date.now() - newest.createdAt < FRESH_CLIP_MS ? newest.id : undefined;
  return { clips, freshId };
}

/**
 * Clips while watching: a note stamped with the moment the user started typing it (so it does
 * not drift while they type), added with Enter or the button, the box cleared for the next one.
 * This video's clips are listed newest first, each opening the video at its second.
 */
export function ClipBox({ page, saved, ensureSaved, focusFirst = false }: Props) {
  const initial = readDraft(draftKey(page));
  const [text, setText] = useState(initial.note);
  const [moment, setMoment] = useState<number | undefined>(initial.clipAt);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // On a saved video the clip note is the popup's first thing (unless a fresh clip's note takes it).
  useEffect(() => {
    if (focusFirst && (document.activeElement === document.body || document.activeElement === null))
      box.current?.focus();
  }, [focusFirst]);
  const undo = useUndoOffer((error) => setMessage(error ? { tone: 'error', text: error } : null));
  const stored = useLiveQuery(
    () => (saved ? getResource(saved.id).then((r) => r ?? null) : Promise.resolve(null)),
    ['resources'],
    [saved?.id],
  );
  const resource = stored.data ?? saved;
  const segmentSeconds = useStorageItem(clipSegmentSeconds) ?? 30;
  const now = page.positionSec ?? 0;
  const at = moment ?? now;
  const clock = formatClock(at);

  const onInput = (value: string) => {
    // The moment is taken at the first keystroke of a note.
    const stamp = moment ?? now;
    if (moment === undefined) setMoment(stamp);
    setText(value);
    writeDraft(draftKey(page), { note: value, clipAt: stamp });
  };

  const add = async (segment?: number) => {
    if (busy) return;
    // A segment ends now and reaches back `segment` seconds (not before the start).
    const endSec = segment ? at : undefined;
    const atSec = segment ? Math.max(0, at - segment) : at;
    if (checkClipTime(atSec, endSec, page.durationSec) === 'past-end') {
      setMessage({ tone: 'error', text: t('clipPastEnd', formatClock(clipTimeLimit(page.durationSec))) });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const target = await ensureSaved();
      if (!target) return;
      const clip = newClip(page, { at, atSec, endSec }, text.trim());
      await addClip(target.id, clip);
      clearDraft(draftKey(page));
      setText('');
      setMoment(undefined);
      const label = formatClipTime({ atSec, endSec });
      setMessage({
        tone: 'ok',
        text: clip.chapter ? t('clipAddedChapter', label, clip.chapter) : t('clipAdded', label),
      });
      box.current?.focus();
    } catch (error) {
      setMessage({ tone: 'error', text: describeWriteError(error) });
    } finally {
      setBusy(false);
    }
  };

  const resumeLater = async () => {
    setMessage(null);
    try {
      const target = await ensureSaved();
      if (!target) return;
      await editResource(target.id, { resumeAt: now });
      setMessage({ tone: 'ok', text: t('clipResumeSaved', formatClock(now)) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeWriteError(error) });
    }
  };

  const { clips, freshId } = listedClips(resource);
  return (
    <section class="clip-box" aria-labelledby="clip-box-title">
      <h2 id="clip-box-title" class="visually-hidden">
        {t('clipsOfVideo')}
      </h2>
      <label class="field">
        <span>{t('clipNoteAt', clock)}</span>
        <textarea
          ref={box}
          class="input"
          rows={2}
          value={text}
          maxLength={LIMITS.clipNote}
          placeholder={t('clipNotePlaceholder')}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              void add();
            }
          }}
        />
      </label>
      <div class="row clip-actions">
        <button type="button" class="btn" disabled={busy} onClick={() => void add()}>
          {t('clipAdd', clock)}
        </button>
        {at > 0 && (
          <button type="button" class="btn" disabled={busy} onClick={() => void add(segmentSeconds)}>
            {t('clipLast', String(segmentSeconds))}
          </button>
        )}
        {page.positionSec !== undefined && page.positionSec > 0 && resource?.positionSec !== page.positionSec && (
          <button type="button" class="btn btn-ghost" onClick={() => void resumeLater()}>
            {t('clipResume', formatClock(now))}
          </button>
        )}
        <OpenBeside />
      </div>
      {message && (
        <p
          class={`small ${message.tone === 'error' ? 'notice notice-error' : 'muted'}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {undo.offer && (
        <p class="small" role="status">
          {t('clipRemoved')}{' '}
          <button type="button" class="btn btn-small" onClick={() => void undo.takeBack()}>
            {t('libUndo')}
          </button>
        </p>
      )}
      {resource && clips.length > 0 && (
        <ol class="clip-list" aria-label={t('clipsOfVideo')}>
          {clips.map((clip) => (
            <ClipItem
              key={clip.id}
              resource={resource}
              clip={clip}
              fresh={clip.id === freshId}
              onRemove={() => void undo.remove(() => removeClip(resource.id, clip.id))}
              onDone={() => box.current?.focus()}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
