import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { libraryPath } from '@/lib/routes';
import { captureTab, captureFailureMessage, pageBeforeReading } from '@/lib/capture/capture-tab';
import { canonicalizeUrl } from '@/lib/capture/canonical-url';
import type { CapturedPage, CaptureFailure, CaptureResult } from '@/lib/model/captured-page';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { closePeek, openForPeek, peekResourceByUrl } from '@/lib/db/peek';
import { startEdit } from '@/lib/app/edit-start';
import type { ResourceBase } from '@/lib/app/resources';
import { editResource, getResourceByUrl, preloadCommands, saveCapturedPage } from './commands';
import { afterSaveAnswered, holdUntilAnswered } from './first-answer';
import { useShowThumbnails } from '@/components/hooks/live';
import type { Quote } from '@/lib/model/quote';
import type { Resource } from '@/lib/model/resource';
import { formatNumber, t } from '@/lib/i18n';
import { isWebUrl, LIMITS, parseTagInput } from '@/lib/infra/limits';
import { clearDraft, readDraft, writeDraft } from '@/lib/pages/drafts';
import { targetTab } from '@/lib/capture/target-tab';
import { clipPositionLabel, kindLabel, resourceMetaLine } from '@/lib/format/resource-format';
import { Thumbnail } from '../Thumbnail';
import { lazyComponent } from '../Lazy';

// Only a video gets the clip box: its code loads when one is shown, not in every popup's first paint.
const ClipBox = lazyComponent(() => import('./ClipBox').then((m) => m.ClipBox), 'nothing');
// Logging learning with no link opens a form: its code loads when asked for.
const ActivityForm = lazyComponent(
  () => import('@/components/activities/ActivityForm').then((m) => m.ActivityForm),
  'nothing',
);

/** The quote's note draft sits beside the page's own note draft. */
const quoteDraftKey = (page: CapturedPage) => `quote:${page.canonicalUrl}`;

interface EarlyLookup {
  canonicalUrl: string;
  /** The saved resource at the tab's own address, looked up while the page is read. */
  saved: Promise<Resource | undefined>;
}
interface Reading {
  result: CaptureResult;
  early?: EarlyLookup;
}
interface Opening {
  /** The tab as its address and title show it, before it is read: Save works from here on. */
  before: Promise<{ page?: CapturedPage; early?: EarlyLookup }>;
  reading: Promise<Reading>;
}
let opening: Opening | null = null;

/**
 * Reads the popup's tab. Called as the popup's script starts (entrypoints/popup/main.tsx), before
 * the language and the first render, so the page is read while the popup draws itself; the card
 * takes the same answers.
 */
export function beginCapture(): Opening {
  if (opening) return opening;
  // Marked for the benchmark's "where the time goes" (reading the page is most of Save's wait).
  performance.mark('popup:capture-start');
  // The lookup's database opens while the tab is read: opening needs no address.
  const peekDb = openForPeek();
  const tabRead = targetTab(location.search);
  const before = tabRead.then((tab) => {
    // Whether the page is saved already is looked up by the tab's own address while the page is
    // read; only a page that names another canonical address is looked up again.
    const guess = tab?.url && isWebUrl(tab.url) ? canonicalizeUrl(tab.url) : null;
    if (!guess) closePeek(peekDb);
    const early = guess
      ? {
          canonicalUrl: guess,
          saved: peekResourceByUrl(guess, peekDb)
            .then((found) => (found === null ? getResourceByUrl(guess) : found))
            .catch(() => undefined),
        }
      : undefined;
    return { page: tab ? pageBeforeReading(tab) : undefined, early };
  });
  const answer = before.then(({ early }) => early?.saved);
  holdUntilAnswered(answer);
  // The database layer loads and opens once the one question it would queue beside is answered.
  void afterSaveAnswered()
    .then(() => preloadCommands())
    .then((commands) => commands.openDatabase())
    .catch(() => undefined);
  const reading = (async (): Promise<Reading> => {
    const tab = await tabRead;
    const { early } = await before;
    // Injecting the script into the tab is browser work the lookup's database open would queue
    // behind; Save works from the tab's address meanwhile, and a click waits for the read.
    await afterSaveAnswered();
    const result: CaptureResult = tab ? await captureTab(tab) : { ok: false, reason: 'restricted' };
    performance.measure('popup:capture', 'popup:capture-start');
    return { result, early };
  })();
  opening = { before, reading };
  return opening;
}

/** The page a read ended with: what the script read, else what the address gives. */
const readPage = ({ result }: Reading): CapturedPage | undefined => (result.ok ? result.page : result.fallback);

type Capture =
  | { phase: 'capturing' }
  /** `beforeReading`: the page from the tab's address while the script still reads it. */
  | { phase: 'ready'; page: CapturedPage; failure?: CaptureFailure; beforeReading?: boolean }
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
  // The setting's storage read waits, as the rest does, for Save's one question (first-answer.ts).
  const thumbs = useShowThumbnails(afterSaveAnswered);
  const saveButton = useRef<HTMLButtonElement>(null);
  const quoteButton = useRef<HTMLButtonElement>(null);
  const logButton = useRef<HTMLButtonElement>(null);
  const openLink = useRef<HTMLAnchorElement>(null);
  const [quoteNote, setQuoteNote] = useState('');
  const [keptQuote, setKeptQuote] = useState<Quote | null>(null);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<Resource | null>(null);
  const base = useRef<{ id: string; fields: ResourceBase }>({ id: '', fields: {} });
  // What was typed before the page was read (kept if the read names another address).
  const typedBeforeReading = useRef<{ note: string; tags: string } | null>(null);
  const showSaved = (existing: Resource, notes = existing.notes) => {
    setSaved(existing);
    setNote(notes);
    setTags(existing.tags.join(', '));
    setMessage({ tone: 'ok', text: t('popupAlreadySaved') });
  };

  // A layout effect: it subscribes as the card first renders. A plain effect runs a frame later,
  // after the tab's answer most times, and Save this page waited for it: 19 ms from the popup's
  // script starting to Save usable, 15 ms with this (medians of 30 loads; the one-script page: 9-10).
  useLayoutEffect(() => {
    const { before, reading } = beginCapture();
    let read = false;
    const shown: { before: CapturedPage | null } = { before: null };
    // Reading the page takes a script run in the tab; the tab's address and title are known at
    // once, so the card shows them and Save works meanwhile (a click waits for the read).
    void before.then(async ({ page, early }) => {
      if (!page || early?.canonicalUrl !== page.canonicalUrl) return;
      const [existing, draft] = await Promise.all([early.saved, readDraft(page.canonicalUrl)]);
      if (read) return;
      shown.before = page;
      setCapture({ phase: 'ready', page, beforeReading: true });
      if (existing) showSaved(existing);
      else {
        setNote(draft.note);
        setTags(draft.tags);
        typedBeforeReading.current = { note: draft.note, tags: draft.tags };
      }
    });
    void (async () => {
      const reached = await reading;
      read = true;
      const { result, early } = reached;
      const page = readPage(reached);
      // A local file can be read (with file access) but is not a web resource: nothing to save.
      if (page && !isWebUrl(page.url)) {
        setCapture({ phase: 'unsavable', failure: 'unsupported-url' });
        return;
      }
      if (!page) {
        setCapture({ phase: 'unsavable', failure: result.ok ? 'restricted' : result.reason });
        return;
      }
      const failure = result.ok ? undefined : result.reason;
      if (page.selection) setQuoteNote(readDraft(quoteDraftKey(page)).note);
      // Shown from its address already, under the same address: the fields stay as they are.
      if (shown.before?.canonicalUrl === page.canonicalUrl) {
        setCapture({ phase: 'ready', page, failure });
        return;
      }
      const [existing, draft] = await Promise.all([
        early?.canonicalUrl === page.canonicalUrl
          ? early.saved
          : getResourceByUrl(page.canonicalUrl).catch(() => undefined),
        readDraft(page.canonicalUrl),
      ]);
      setCapture({ phase: 'ready', page, failure });
      // The page names another address than its tab's: what was typed meanwhile goes with it.
      const typed = shown.before ? typedBeforeReading.current : null;
      if (existing) {
        const typedNote = typed?.note.trim() ?? '';
        const carried = typedNote && !existing.notes.includes(typedNote);
        const notes = carried ? (existing.notes ? `${existing.notes}\n\n${typedNote}` : typedNote) : existing.notes;
        showSaved(existing, notes);
        if (carried)
          void editResource(existing.id, { notes }, Date.now(), startEdit({ notes: existing.notes }, { notes })).catch(
            (error: unknown) => setMessage({ tone: 'error', text: describeWriteError(error) }),
          );
      } else if (typed && (typed.note || typed.tags)) {
        void writeDraft(page.canonicalUrl, typed);
      } else {
        setNote(draft.note);
        setTags(draft.tags);
      }
    })();
  }, []);

  const page = capture.phase === 'ready' ? capture.page : null;
  const beforeReading = capture.phase === 'ready' && capture.beforeReading === true;
  const draftKey = page?.canonicalUrl ?? '';

  // First focus, on the page's primary action once it can be pressed: Save as quote when text is
  // selected; on a saved video the clip note (ClipBox takes it); on a page not saved yet Save this
  // page; where nothing can be saved, Log learning. Never away from where the user already is.
  const nothingFocused = () => document.activeElement === document.body || document.activeElement === null;
  const videoTakesFocus = page?.kind === 'video' && saved !== null && !page.selection;
  // Focus waits for the read: a selection found there makes Save as quote the primary action.
  useEffect(() => {
    if (!autoFocus || !nothingFocused() || beforeReading) return;
    if (capture.phase === 'unsavable') logButton.current?.focus();
    else if (page && !videoTakesFocus) (page.selection ? quoteButton : saved ? openLink : saveButton).current?.focus();
  }, [capture.phase, beforeReading, videoTakesFocus, saved !== null]);

  const onSaveQuote = async () => {
    if (!page?.selection) return;
    setBusy(true);
    setMessage(null);
    try {
      // Loaded when a quote is kept: most opens keep none.
      const { keepQuote } = await import('@/lib/app/quotes');
      const kept = await keepQuote(page, page.selection, {
        note: quoteNote.trim(),
        extras: saved ? {} : { notes: note, tags: parseTagInput(tags) },
      });
      clearDraft(quoteDraftKey(page), ['note']);
      if (!saved) clearDraft(draftKey);
      setSaved(kept.resource);
      setNote(kept.resource.notes);
      setTags(kept.resource.tags.join(', '));
      setKeptQuote(kept.quote);
      setQuoteNote(kept.quote.note);
      const count = formatNumber(kept.resource.quotes?.length ?? 1);
      setMessage({ tone: 'ok', text: kept.already ? t('popupQuoteAlready') : t('popupQuoteSaved', count) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeWriteError(error) });
    } finally {
      setBusy(false);
    }
  };

  // Before the quote is kept its note is a draft; after, it is the quote's note.
  const onQuoteNoteInput = (value: string) => {
    setQuoteNote(value);
    if (!page) return;
    if (keptQuote && saved)
      void import('@/lib/app/quotes')
        .then(({ editQuoteNote }) => editQuoteNote(saved.id, keptQuote.id, value))
        .catch((error: unknown) => setMessage({ tone: 'error', text: describeWriteError(error) }));
    else writeDraft(quoteDraftKey(page), { note: value });
  };

  const onSave = async (): Promise<Resource | null> => {
    if (!page) return null;
    setBusy(true);
    setMessage(null);
    try {
      // Clicked before the page was read: what is saved is what the read finds.
      const target = beforeReading ? (readPage(await beginCapture().reading) ?? page) : page;
      const { resource, created } = await saveCapturedPage(
        target,
        saved ? {} : { notes: note, tags: parseTagInput(tags) },
      );
      await clearDraft(draftKey);
      setSaved(resource);
      setNote(resource.notes);
      setTags(resource.tags.join(', '));
      setMessage({ tone: 'ok', text: created ? t('popupSaved') : t('popupUpdated') });
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
    if (typedBeforeReading.current) typedBeforeReading.current.note = value;
    if (saved) void persist({ notes: value });
    else void writeDraft(draftKey, { note: value });
  };
  const onTagsInput = (value: string) => {
    setTags(value);
    if (typedBeforeReading.current) typedBeforeReading.current.tags = value;
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
    <section
      class="capture card"
      aria-labelledby="capture-title"
      aria-busy={capture.phase === 'capturing' || beforeReading}
    >
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
      {page?.selectionRefused && (
        <p class="notice notice-warn small" role="status">
          {t('popupQuoteInField')}
        </p>
      )}
      {page?.selection && (
        <figure class="quote-box">
          <figcaption class="small muted">{t('popupSelection')}</figcaption>
          <blockquote class="quote-box-text clamp-4">{page.selection.exact}</blockquote>
          <label class="field">
            <span class="small">{t('popupQuoteNote')}</span>
            <input
              class="input"
              type="text"
              value={quoteNote}
              maxLength={LIMITS.quoteNote}
              onInput={(e) => onQuoteNoteInput(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !keptQuote) {
                  e.preventDefault();
                  void onSaveQuote();
                }
              }}
            />
          </label>
        </figure>
      )}
      {page?.kind === 'video' && !beforeReading && (
        <ClipBox
          page={page}
          saved={saved}
          focusFirst={autoFocus && videoTakesFocus}
          ensureSaved={async () => saved ?? (await onSave())}
        />
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
        {page?.selection && (
          <button
            ref={quoteButton}
            type="button"
            class="btn btn-primary"
            disabled={busy || keptQuote !== null}
            onClick={() => void onSaveQuote()}
          >
            {keptQuote ? `✓ ${t('popupQuoteSavedButton')}` : t('popupSaveQuote')}
          </button>
        )}
        {/* Where nothing can be saved, no disabled Save: only what can be done (Log learning). */}
        {/* Saved already: what is typed here saves as it goes, so the page's own page is next, and
            the button says what it does now (read the page again: title, length, chapters). */}
        {saved && (
          <a
            ref={openLink}
            class={page?.selection || page?.kind === 'video' ? 'btn' : 'btn btn-primary'}
            href={browser.runtime.getURL(libraryPath('resource', saved.id) as '/')}
            target="_blank"
            rel="noopener"
          >
            {t('popupOpenItsPage')}
          </a>
        )}
        {capture.phase !== 'unsavable' && (
          <button
            ref={saveButton}
            type="button"
            class={saved ? 'btn btn-ghost' : page?.selection ? 'btn' : 'btn btn-primary'}
            disabled={!page || busy}
            onClick={() => void onSave()}
          >
            {saved ? t('popupUpdateFromPage') : t('popupSavePage')}
          </button>
        )}
        <button
          ref={logButton}
          type="button"
          class={capture.phase === 'unsavable' ? 'btn btn-primary' : 'btn btn-ghost'}
          aria-expanded={logging}
          onClick={() => {
            setLogging(!logging);
            setLogged(null);
          }}
        >
          {t('popupLogLearning')}
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
      {logging && (
        <div class="log-box">
          <ActivityForm
            full={false}
            idPrefix="popup-log"
            onLogged={(resource) => {
              setLogging(false);
              setLogged(resource);
            }}
            onCancel={() => setLogging(false)}
          />
        </div>
      )}
      {logged && (
        <p class="small" role="status">
          {t('popupLogged')}{' '}
          <a href={browser.runtime.getURL(libraryPath('resource', logged.id) as '/')} target="_blank" rel="noopener">
            {t('popupLoggedOpen')}
          </a>
        </p>
      )}
    </section>
  );
}
