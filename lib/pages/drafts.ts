import { readFlat } from '../infra/flat-shape';

/** What the user typed in the popup before it lost focus, per canonical URL ('' for the prompt). */
export interface PopupDraft {
  note: string;
  tags: string;
  answer: string;
  answerPromptId?: string;
  /** A clip note's moment in the video, taken when the user started typing it. */
  clipAt?: number;
  /**
   * A saved page's note whose write failed (a full disk): the notes it started from, so the next
   * popup saves `note` by merging it onto what is stored then.
   */
  noteBase?: string;
}

const DRAFTS_KEY = 'learning-loop:popup-drafts';
const ANSWER_DRAFT = '';
/** Page drafts kept besides the reflection answer: they are for pages just left, not an archive. */
const PAGE_DRAFTS_KEPT = 20;
const EMPTY_DRAFT: PopupDraft = { note: '', tags: '', answer: '' };
const DRAFT_SHAPE = {
  note: 'string',
  tags: 'string',
  answer: 'string',
  answerPromptId: 'string?',
  clipAt: 'number?',
  noteBase: 'string?',
} as const;

function readDrafts(value: unknown): Record<string, PopupDraft> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const drafts: Record<string, PopupDraft> = {};
  for (const [key, entry] of Object.entries(value)) {
    const draft = readFlat<PopupDraft>(entry, DRAFT_SHAPE);
    if (!draft || (draft.clipAt !== undefined && draft.clipAt < 0)) return null;
    drafts[key] = draft;
  }
  return drafts;
}

function readAllDrafts(): Record<string, PopupDraft> {
  try {
    const raw = globalThis.localStorage?.getItem(DRAFTS_KEY);
    if (!raw) return {};
    const drafts = readDrafts(JSON.parse(raw));
    if (drafts) return drafts;
    console.warn('Learning Loop: the stored popup drafts are not valid; starting without them.');
  } catch {
    // Unreadable (a damaged profile): no drafts rather than no popup.
  }
  return {};
}

/**
 * The popup's drafts, written synchronously at every input: the popup closes whenever it loses
 * focus, and an asynchronous write may not finish once it has. localStorage of the extension's
 * own origin (pages only: the service worker has none and needs none).
 */
export function readDraft(key: string): PopupDraft {
  return { ...EMPTY_DRAFT, ...readAllDrafts()[key] };
}

export function writeDraft(key: string, patch: Partial<PopupDraft>): void {
  const all = readAllDrafts();
  const next = { ...EMPTY_DRAFT, ...all[key], ...patch };
  delete all[key];
  // The reflection answer is never evicted for page drafts; the oldest page drafts go first.
  const pages = Object.entries(all).filter(([k]) => k !== ANSWER_DRAFT);
  const kept: Record<string, PopupDraft> = Object.fromEntries(pages.slice(-(PAGE_DRAFTS_KEPT - 1)));
  if (all[ANSWER_DRAFT]) kept[ANSWER_DRAFT] = all[ANSWER_DRAFT];
  if (next.note || next.tags || next.answer) kept[key] = next;
  try {
    globalThis.localStorage?.setItem(DRAFTS_KEY, JSON.stringify(kept));
  } catch (error) {
    // The origin's storage is full too: the field still holds the text, and the page says why.
    console.warn('Learning Loop: the popup draft could not be kept', error);
  }
}

export function clearDraft(key: string, fields: (keyof PopupDraft)[] = ['note', 'tags']): void {
  writeDraft(key, Object.fromEntries(fields.map((f) => [f, ''])) as Partial<PopupDraft>);
}

/** A refused note saved at last: the draft no longer holds it, nor the notes it started from. */
export function clearRefusedNote(key: string): void {
  writeDraft(key, { note: '', noteBase: undefined });
}
