import { useRef, useState } from 'preact/hooks';
import { useGrowing } from '@/components/fields/growing';
import { useStorageItem } from '@/components/hooks/live';
import { endNote, noteTyped, storeNote } from '@/lib/app/side-panel';
import { t } from '@/lib/i18n';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { LIMITS } from '@/lib/infra/limits';
import { formatClock } from '@/lib/infra/video-time';
import { clipSegmentSeconds } from '@/lib/settings';

type Message = { tone: 'ok' | 'error'; text: string } | null;

/**
 * The note box: its moment is taken at the first keystroke (and a playing video paused, the
 * setting on); Enter stores the clip, Shift+Enter starts a new line. What was typed stays in the
 * box when storing fails.
 */
export function PanelNote({ moment, timeSec }: { moment?: number; timeSec: number }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useGrowing(box, text);
  const segment = useStorageItem(clipSegmentSeconds) ?? 30;
  const at = moment ?? timeSec;
  const clock = formatClock(at);

  const store = async (segmentSec?: number) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await storeNote(text, segmentSec);
      setMessage({ tone: outcome.ok ? 'ok' : 'error', text: outcome.text });
      if (outcome.ok) setText('');
    } catch (error) {
      setMessage({ tone: 'error', text: describeWriteError(error) });
    } finally {
      setBusy(false);
      box.current?.focus();
    }
  };

  return (
    <section class="panel-note" aria-labelledby="panel-note-title">
      <h2 id="panel-note-title" class="visually-hidden">
        {t('panelNoteHeading')}
      </h2>
      <label class="field">
        <span>{moment === undefined ? t('panelNoteNow') : t('clipNoteAt', clock)}</span>
        <textarea
          ref={box}
          class="input"
          rows={2}
          value={text}
          maxLength={LIMITS.clipNote}
          placeholder={t('panelNotePlaceholder')}
          dir="auto"
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            noteTyped(value);
          }}
          onBlur={() => {
            if (text === '') endNote('left-empty');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              void store();
            }
          }}
        />
      </label>
      <div class="row clip-actions">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void store()}>
          {t('clipAdd', clock)}
        </button>
        {at > 0 && (
          <button type="button" class="btn" disabled={busy} onClick={() => void store(segment)}>
            {t('clipLast', String(segment))}
          </button>
        )}
      </div>
      {message && (
        <p
          class={`small ${message.tone === 'error' ? 'notice notice-error' : 'muted'}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
