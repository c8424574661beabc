import { serialQueue } from '../serial';
import { popupDraft, type PopupDraft } from '../settings';

const EMPTY: PopupDraft = { note: '', tags: '', answer: '' };

/**
 * The popup closes whenever it loses focus, so every keystroke is kept here and restored on the
 * next open. Keyed by the page's canonical URL; '' holds the reflection answer. Drafts are the
 * popup's own state: no other page or the background reacts to them.
 */
export async function readDraft(key: string): Promise<PopupDraft> {
  const all = await popupDraft.getValue();
  return { ...EMPTY, ...all[key] };
}

// Writes of one page follow each other, so a fast typist's keystrokes never overtake.
const serially = serialQueue();

export function writeDraft(key: string, patch: Partial<PopupDraft>): Promise<void> {
  return serially(async () => {
    const all = await popupDraft.getValue();
    const next = { ...EMPTY, ...all[key], ...patch };
    const isEmpty = !next.note && !next.tags && !next.answer;
    const { [key]: _dropped, ...rest } = all;
    // Keep only a handful of drafts: they are for the page the user just left, not an archive.
    const kept = Object.fromEntries(Object.entries(rest).slice(-19));
    await popupDraft.setValue(isEmpty ? kept : { ...kept, [key]: next });
  });
}

export function clearDraft(key: string, fields: (keyof PopupDraft)[] = ['note', 'tags']): Promise<void> {
  return writeDraft(key, Object.fromEntries(fields.map((f) => [f, ''])) as Partial<PopupDraft>);
}
