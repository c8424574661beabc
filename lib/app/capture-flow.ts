import { captureTab, pageBeforeReading } from '../capture/capture-tab';
import { canonicalizeUrl } from '../capture/canonical-url';
import { targetTab } from '../capture/target-tab';
import { closePeek, openForPeek, peekResourceByUrl } from '../db/peek';
import { formatNumber, t } from '../i18n';
import { isWebUrl, parseTagInput } from '../infra/limits';
import type { CapturedPage, CaptureFailure, CaptureResult } from '../model/captured-page';
import type { Quote } from '../model/quote';
import type { Resource } from '../model/resource';
import type { ResourceBase } from '../model/resource-patch';
import { clearDraft, type PopupDraft, readDraft, writeDraft } from '../pages/drafts';
import { afterSaveAnswered, holdUntilAnswered } from '../pages/first-answer';
import { startEdit } from './edit-start';
import { loadedOnUse } from './lazy';

/**
 * The popup's capture, decided here and shown by its card (components/popup/CaptureCard.tsx):
 * reading the tab, whether its page is saved, the note and tags typed before and after Save, the
 * quote of a selection. One capture per popup, so its state is this module's: the card reads
 * `captureState()`, follows `subscribeCapture` and calls the commands below.
 *
 * Nothing here may weigh on the popup's first render (tests/unit/house/layers.test.ts): the
 * resource commands load beside it (`loadedOnUse`), the quote's when a quote is kept.
 */

// The popup's resource commands, loaded once Save's first question is answered (or on first use).
const commands = loadedOnUse(() => import('./popup-commands'));
const getResourceByUrl = commands.command('getResourceByUrl');
const saveCapturedPage = commands.command('saveCapturedPage');
const editResource = commands.command('editResource');

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
 * takes the same answers (`followCapture`).
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
    .then(() => commands.preload())
    .then((loaded) => loaded.prepareDatabase())
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

export type Capture =
  | { phase: 'capturing' }
  /** `beforeReading`: the page from the tab's address while the script still reads it. */
  | { phase: 'ready'; page: CapturedPage; failure?: CaptureFailure; beforeReading?: boolean }
  | { phase: 'unsavable'; failure: CaptureFailure };

export interface CaptureMessage {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

export interface CaptureState {
  capture: Capture;
  /** The page's resource, once saved here or found saved. */
  saved: Resource | null;
  /** The page's note and tags: a draft before Save, the record's own fields after. */
  note: string;
  tags: string;
  /** A save is under way. */
  busy: boolean;
  message: CaptureMessage | null;
  /** The selection's note: a draft until the quote is kept, then the quote's note. */
  quoteNote: string;
  keptQuote: Quote | null;
}

let state: CaptureState = {
  capture: { phase: 'capturing' },
  saved: null,
  note: '',
  tags: '',
  busy: false,
  message: null,
  quoteNote: '',
  keptQuote: null,
};
const listeners = new Set<() => void>();

/** The capture as it stands: a new object after every change. */
export function captureState(): CaptureState {
  return state;
}

/** Calls `listener` after every change; returns how to stop. */
export function subscribeCapture(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(patch: Partial<CaptureState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

const pageOf = ({ capture }: CaptureState): CapturedPage | null => (capture.phase === 'ready' ? capture.page : null);
/** A failure's words load when one happens: the popup's first script carries none of them. */
const failed = (error: unknown) =>
  void import('../i18n/write-errors').then(({ describeWriteError }) =>
    update({ message: { tone: 'error', text: describeWriteError(error) } }),
  );
/** The fields that show a saved resource: its note and tags are the record's from now on. */
const savedFields = (resource: Resource, notes = resource.notes) => ({
  saved: resource,
  note: notes,
  tags: resource.tags.join(', '),
});

let following = false;
// What was typed before the page was read (kept if the read names another address).
let typedBeforeReading: { note: string; tags: string } | null = null;
// The version this popup's edit started from: what it loaded, then its own last write.
let base: { id: string; fields: ResourceBase } = { id: '', fields: {} };
// A write of the saved page's note failed and its text went to the draft: the next write that
// succeeds clears it.
let refusedToDraft = false;

/**
 * Takes the tab's answers into the capture: the page from its address at once (Save works from
 * there), then what the read found. The card calls it as it first renders, in a layout effect:
 * a plain effect runs a frame later, after the tab's answer most times, and Save this page waited
 * for it (19 ms from the popup's script starting to Save usable, 15 ms with it; medians of 30
 * loads). Once per popup: later calls do nothing.
 */
export function followCapture(): void {
  if (following) return;
  following = true;
  const { before, reading } = beginCapture();
  const shown: { before: CapturedPage | null; read: boolean } = { before: null, read: false };
  // Reading the page takes a script run in the tab; the tab's address and title are known at
  // once, so the card shows them and Save works meanwhile (a click waits for the read).
  void before.then(async ({ page, early }) => {
    if (!page || early?.canonicalUrl !== page.canonicalUrl) return;
    const [existing, draft] = await Promise.all([early.saved, readDraft(page.canonicalUrl)]);
    if (shown.read) return;
    shown.before = page;
    update({ capture: { phase: 'ready', page, beforeReading: true } });
    if (existing) {
      update({ ...savedFields(existing), message: { tone: 'ok', text: t('popupAlreadySaved') } });
      if (refusedNoteIn(draft, existing)) saveRefusedNote(existing, draft, page.canonicalUrl);
    } else {
      update({ note: draft.note, tags: draft.tags });
      typedBeforeReading = { note: draft.note, tags: draft.tags };
    }
  });
  void takeRead(reading, shown);
}

/** What the read found: the page to save (or why there is none), and whether it is saved already. */
async function takeRead(reading: Promise<Reading>, shown: { before: CapturedPage | null; read: boolean }) {
  const reached = await reading;
  shown.read = true;
  const { result, early } = reached;
  const page = readPage(reached);
  // A local file can be read (with file access) but is not a web resource: nothing to save.
  if (page && !isWebUrl(page.url)) {
    update({ capture: { phase: 'unsavable', failure: 'unsupported-url' } });
    return;
  }
  if (!page) {
    update({ capture: { phase: 'unsavable', failure: result.ok ? 'restricted' : result.reason } });
    return;
  }
  const failure = result.ok ? undefined : result.reason;
  if (page.selection) update({ quoteNote: readDraft(quoteDraftKey(page)).note });
  // Shown from its address already, under the same address: the fields stay as they are.
  if (shown.before?.canonicalUrl === page.canonicalUrl) {
    update({ capture: { phase: 'ready', page, failure } });
    return;
  }
  const [existing, draft] = await Promise.all([
    early?.canonicalUrl === page.canonicalUrl
      ? early.saved
      : getResourceByUrl(page.canonicalUrl).catch(() => undefined),
    readDraft(page.canonicalUrl),
  ]);
  update({ capture: { phase: 'ready', page, failure } });
  // The page names another address than its tab's: what was typed meanwhile goes with it.
  const typed = shown.before ? typedBeforeReading : null;
  if (existing) {
    const typedNote = typed?.note.trim() ?? '';
    const carried = typedNote && !existing.notes.includes(typedNote);
    const notes = carried ? (existing.notes ? `${existing.notes}\n\n${typedNote}` : typedNote) : existing.notes;
    update({ ...savedFields(existing, notes), message: { tone: 'ok', text: t('popupAlreadySaved') } });
    if (carried)
      void editResource(existing.id, { notes }, Date.now(), startEdit({ notes: existing.notes }, { notes })).catch(
        failed,
      );
    else if (refusedNoteIn(draft, existing)) saveRefusedNote(existing, draft, page.canonicalUrl);
  } else if (typed && (typed.note || typed.tags)) {
    writeDraft(page.canonicalUrl, typed);
  } else {
    update({ note: draft.note, tags: draft.tags });
  }
}

/**
 * Saves the page (or reads it again, once saved), with the note and tags typed before. Clicked
 * before the page was read, it waits for the read and saves what the read found.
 */
export async function saveCapture(): Promise<Resource | null> {
  const { capture, saved, note, tags } = state;
  if (capture.phase !== 'ready') return null;
  const { page } = capture;
  update({ busy: true, message: null });
  try {
    const target = capture.beforeReading ? (readPage(await beginCapture().reading) ?? page) : page;
    const { resource, created } = await saveCapturedPage(
      target,
      saved ? {} : { notes: note, tags: parseTagInput(tags) },
    );
    clearDraft(page.canonicalUrl);
    update({ ...savedFields(resource), message: { tone: 'ok', text: created ? t('popupSaved') : t('popupUpdated') } });
    return resource;
  } catch (error) {
    failed(error);
    return null;
  } finally {
    update({ busy: false });
  }
}

/** The page's resource: the one saved, else the one this saves (a clip needs its page saved first). */
export async function ensureCaptureSaved(): Promise<Resource | null> {
  return state.saved ?? (await saveCapture());
}

/** Keeps the selection as a quote with its note (the page saved first when new, with its note and tags). */
export async function saveQuote(): Promise<void> {
  const { saved, note, tags, quoteNote } = state;
  const page = pageOf(state);
  if (!page?.selection) return;
  update({ busy: true, message: null });
  try {
    // Loaded when a quote is kept: most opens keep none.
    const { keepQuote } = await import('./quotes');
    const kept = await keepQuote(page, page.selection, {
      note: quoteNote.trim(),
      extras: saved ? {} : { notes: note, tags: parseTagInput(tags) },
    });
    clearDraft(quoteDraftKey(page), ['note']);
    if (!saved) clearDraft(page.canonicalUrl);
    const count = formatNumber(kept.resource.quotes?.length ?? 1);
    update({
      ...savedFields(kept.resource),
      keptQuote: kept.quote,
      quoteNote: kept.quote.note,
      message: { tone: 'ok', text: kept.already ? t('popupQuoteAlready') : t('popupQuoteSaved', count) },
    });
  } catch (error) {
    failed(error);
  } finally {
    update({ busy: false });
  }
}

/** Before the quote is kept its note is a draft; after, it is the quote's note. */
export function typeQuoteNote(value: string): void {
  update({ quoteNote: value });
  const page = pageOf(state);
  if (!page) return;
  const { keptQuote, saved } = state;
  if (keptQuote && saved)
    void import('./quotes').then(({ editQuoteNote }) => editQuoteNote(saved.id, keptQuote.id, value)).catch(failed);
  else writeDraft(quoteDraftKey(page), { note: value });
}

// Before saving, typing goes to a draft; after, straight into the record. Either way every
// keystroke is stored, because the popup can close at any moment.

/** The page's note as the user types it. */
export function typeNote(value: string): void {
  update({ note: value });
  if (typedBeforeReading) typedBeforeReading.note = value;
  if (state.saved) void persist({ notes: value });
  else writeDraft(pageOf(state)?.canonicalUrl ?? '', { note: value });
}

/** The page's tags as the user types them (comma-separated). */
export function typeTags(value: string): void {
  update({ tags: value });
  if (typedBeforeReading) typedBeforeReading.tags = value;
  if (state.saved) void persist({ tags: parseTagInput(value) });
  else writeDraft(pageOf(state)?.canonicalUrl ?? '', { tags: value });
}

const refusedNoteIn = (draft: PopupDraft, existing: Resource) =>
  draft.noteBase !== undefined && draft.note !== existing.notes;

/**
 * A note an earlier popup could not write (a full disk) is in the draft with the notes it
 * started from: shown, and saved now by merging onto what is stored (an edit made in the library
 * meanwhile stays). Failing again, it stays in the draft and the popup says why.
 */
function saveRefusedNote(existing: Resource, draft: PopupDraft, key: string): void {
  const noteBase = draft.noteBase ?? existing.notes;
  update({ note: draft.note });
  base = { id: existing.id, fields: { notes: draft.note, tags: existing.tags } };
  editResource(existing.id, { notes: draft.note }, Date.now(), { notes: noteBase }).then(
    (updated) => {
      clearDraft(key);
      if (!updated) return;
      base.fields.notes = updated.notes;
      update({ saved: updated, ...(state.note === draft.note ? { note: updated.notes } : {}) });
    },
    (error: unknown) => {
      base.fields.notes = existing.notes;
      refusedToDraft = true;
      failed(error);
    },
  );
}

async function persist(patch: { notes?: string; tags?: string[] }): Promise<void> {
  const { saved } = state;
  if (!saved) return;
  // The library may be editing the same record: the write merges instead of overwriting it.
  if (base.id !== saved.id) base = { id: saved.id, fields: { notes: saved.notes, tags: saved.tags } };
  const startedFrom = startEdit(base.fields, patch);
  const key = pageOf(state)?.canonicalUrl ?? '';
  try {
    await editResource(saved.id, patch, Date.now(), startedFrom);
    if (refusedToDraft) {
      refusedToDraft = false;
      clearDraft(key);
    }
  } catch (error) {
    // Not written: the next write starts from what is stored, or its merge would read the text
    // typed here as removed there.
    Object.assign(base.fields, startedFrom);
    refusedToDraft = true;
    writeDraft(key, { note: state.note, tags: state.tags, noteBase: base.fields.notes ?? saved.notes });
    failed(error);
  }
}
