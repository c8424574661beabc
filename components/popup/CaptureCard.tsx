import { useEffect, useRef, useState } from 'preact/hooks';
import { captureTab, captureFailureMessage } from '@/lib/capture/capture-tab';
import type { CapturedPage, CaptureFailure, CaptureResult } from '@/lib/capture/types';
import { describeWriteError } from '@/lib/db/errors';
import { editResource, getResourceByUrl, type ResourceBase, saveCapturedPage, startEdit } from '@/lib/app/resources';
import { useShowThumbnails } from '@/components/hooks/live';
import type { Resource } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { isWebUrl, parseTagInput } from '@/lib/limits';
import { clearDraft, readDraft, writeDraft } from '@/lib/settings';
import { targetTab } from '@/lib/capture/target-tab';
import { clipPositionLabel, kindLabel, resourceMetaLine } from '@/lib/resource-format';
import { Thumbnail } from '../Thumbnail';
import { lazyComponent } from '../Lazy';

// Only a video gets the clip box: its code loads when one is shown, not in every popup's first paint.
const ClipBox = lazyComponent(() => import('./ClipBox').then((m) => m.ClipBox), 'nothing');

type Capture =
  | { phase: 'capturing' }
  | { phase: 'ready'; page: CapturedPage; failure?: CaptureFailure }
  | { phase: 'unsavable'; failure: CaptureFailure };

interface Message {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

export function CaptureCard({ autoFocus = true }: { autoFocus?: boolean }) {
  const [capture, setCapture] = useState<Capture>({ phase: 'capturing' });
  const [saved, setSaved] = useState<Resource | null>(null);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const thumbs = useShowThumbnails();
  const saveButton = useRef<HTMLButtonElement>(null);
  const base = useRef<{ id: string; fields: ResourceBase }>({ id: '', fields: {} });

  useEffect(() => {
    void (async () => {
      const tab = await targetTab(location.search);
      const result: CaptureResult = tab ? await captureTab(tab) : { ok: false, reason: 'restricted' };
      const page = result.ok ? result.page : result.fallback;
      // A local file can be read (with file access) but is not a web resource: nothing to save.
      if (page && !isWebUrl(page.url)) {
        setCapture({ phase: 'unsavable', failure: 'unsupported-url' });
        return;
      }
      if (!page) {
        setCapture({ phase: 'unsavable', failure: result.ok ? 'restricted' : result.reason });
        return;
      }
      const [existing, draft] = await Promise.all([
        getResourceByUrl(page.canonicalUrl).catch(() => undefined),
        readDraft(page.canonicalUrl),
      ]);
      setCapture({ phase: 'ready', page, failure: result.ok ? undefined : result.reason });
      if (existing) {
        setSaved(existing);
        setNote(existing.notes);
        setTags(existing.tags.join(', '));
        setMessage({ tone: 'ok', text: t('popupAlreadySaved') });
      } else {
        setNote(draft.note);
        setTags(draft.tags);
      }
    })();
  }, []);

  const page = capture.phase === 'ready' ? capture.page : null;
  const draftKey = page?.canonicalUrl ?? '';

  // First focus: Save this page, once it can be pressed — unless the user (or a due prompt)
  // already put focus somewhere.
  useEffect(() => {
    if (autoFocus && page && (document.activeElement === document.body || document.activeElement === null))
      saveButton.current?.focus();
  }, [page !== null]);

  const onSave = async (): Promise<Resource | null> => {
    if (!page) return null;
    setBusy(true);
    setMessage(null);
    try {
      const { resource, created } = await saveCapturedPage(
        page,
        saved ? {} : { notes: note, tags: parseTagInput(tags) },
      );
      await clearDraft(draftKey);
      setSaved(resource);
      setNote(resource.notes);
      setTags(resource.tags.join(', '));
      setMessage({ tone: 'ok', text: created ? t('popupSaved') : t('popupAlreadySaved') });
      return resource;
    } catch (error) {
      setMessage({ tone: 'error', text: describeWriteError(error) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  // Before saving, typing goes to a draft; after, straight into the record. Either way every
  // keystroke is stored, because the popup can close at any moment.
  const onNoteInput = (value: string) => {
    setNote(value);
    if (saved) void persist({ notes: value });
    else void writeDraft(draftKey, { note: value });
  };
  const onTagsInput = (value: string) => {
    setTags(value);
    if (saved) void persist({ tags: parseTagInput(value) });
    else void writeDraft(draftKey, { tags: value });
  };
  const persist = async (patch: { notes?: string; tags?: string[] }) => {
    if (!saved) return;
    // The version this popup's edit started from: what it loaded, then its own last write. The
    // library may be editing the same record: the write merges instead of overwriting it.
    if (base.current.id !== saved.id) base.current = { id: saved.id, fields: { notes: saved.notes, tags: saved.tags } };
    const startedFrom = startEdit(base.current.fields, patch);
    try {
      await editResource(saved.id, patch, Date.now(), startedFrom);
    } catch (error) {
      await writeDraft(draftKey, { note, tags });
      setMessage({ tone: 'error', text: describeWriteError(error) });
    }
  };

  const failure =
    capture.phase === 'unsavable' ? capture.failure : capture.phase === 'ready' ? capture.failure : undefined;
  const position = page?.kind === 'video' ? clipPositionLabel(page.positionSec) : undefined;

  return (
    <section class="capture card" aria-labelledby="capture-title" aria-busy={capture.phase === 'capturing'}>
      {capture.phase === 'capturing' && (
        <div class="capture-head">
          <span class="thumb thumb-placeholder" aria-hidden="true" />
          <p id="capture-title" class="muted">
            {t('popupReadingPage')}
          </p>
        </div>
      )}
      {page && (
        <div class="capture-head">
          <Thumbnail resource={page} show={thumbs} />
          <div>
            <p id="capture-title" class="capture-title clamp-2">
              {page.title || t('untitled')}
            </p>
            <p class="capture-meta small muted">
              <span class="chip">{kindLabel(page.kind)}</span>
              <span>{resourceMetaLine(page)}</span>
              {position && <span class="chip chip-accent">{position}</span>}
            </p>
          </div>
        </div>
      )}
      {capture.phase === 'unsavable' && (
        <p id="capture-title" class="capture-title">
          {t('popupNothingToSave')}
        </p>
      )}
      {failure && (
        <p class={`notice ${capture.phase === 'unsavable' ? 'notice-warn' : 'notice-warn'}`} role="status">
          {captureFailureMessage(failure, capture.phase === 'ready')}
        </p>
      )}
      {page?.embeddedVideo && (
        <p class="notice notice-warn small" role="status">
          {t('clipEmbeddedPlayer')}
        </p>
      )}
      {page?.kind === 'video' && (
        <ClipBox page={page} saved={saved} ensureSaved={async () => saved ?? (await onSave())} />
      )}
      {page && (
        <>
          <label class="field">
            <span>{saved ? t('popupNotes') : t('popupAddNote')}</span>
            <textarea
              class="input"
              rows={saved ? 3 : 2}
              value={note}
              maxLength={100_000}
              onInput={(e) => onNoteInput(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('popupTags')}</span>
            <input
              class="input"
              type="text"
              value={tags}
              placeholder={t('popupTagsPlaceholder')}
              onInput={(e) => onTagsInput(e.currentTarget.value)}
            />
          </label>
        </>
      )}
      <div class="capture-actions">
        <button
          ref={saveButton}
          type="button"
          class="btn btn-primary"
          disabled={!page || busy}
          onClick={() => void onSave()}
        >
          {t('popupSavePage')}
        </button>
        {message && (
          <p
            class={`small ${message.tone === 'error' ? 'notice notice-error' : 'muted'}`}
            role={message.tone === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
