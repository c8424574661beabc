import type { RefObject } from 'preact';
import { type Dispatch, type StateUpdater, useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { PAGE_ID } from '@/lib/app/live';
import {
  applyPatch,
  editResource,
  getResource,
  startEdit,
  type ResourceBase,
  type ResourcePatch,
} from '@/lib/app/resources';
import type { FieldConflict } from '@/lib/model/conflict';
import { describeWriteError, isStorageError } from '@/lib/i18n/write-errors';
import type { Clip } from '@/lib/model/clip';
import type { Resource } from '@/lib/model/resource';
import { normaliseTags, parseTagInput } from '@/lib/infra/limits';
import { clearRefusedNote, readDraft, writeDraft } from '@/lib/pages/drafts';

export type SaveState = { phase: 'idle' | 'saving' | 'saved' | 'merged' } | { phase: 'error'; message: string };

/** How soon a write the disk refused is tried again: soon at first, then every half minute. */
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
/** What a user typed (kept through a full disk); a status or sharing click just goes back. */
const TYPED_FIELDS: ReadonlySet<keyof ResourcePatch> = new Set(['notes', 'tags', 'clips', 'conflicts']);

/** Keeps a field's text unless the user is in it: a change from elsewhere never eats typing. */
function isFocused(element: Element | null): boolean {
  return element !== null && (document.activeElement === element || element.contains(document.activeElement));
}

/** What the page knows of its own writes, kept across renders. */
interface Writes {
  /** Writes started: only the latest one speaks. */
  count: number;
  /** The version each field's next edit starts from: this page's last write, or what it last showed. */
  base: ResourceBase;
  /** What is known to be stored of each field (base runs ahead of it while writes are in flight). */
  storedBase: ResourceBase;
  /** Typed text a full disk refused: kept, and written again until it is saved. */
  unsaved: ResourcePatch;
  retry: { timer?: ReturnType<typeof setTimeout>; attempts: number };
  /** The latest write of each field: an older write failing late must not bring back older text. */
  fieldWrites: Partial<Record<keyof ResourcePatch, number>>;
  /** Where a note the disk refused outlives the tab (`draftKeyOf`); set once the record is shown. */
  draftKey?: string;
  /** A refused note is in that draft, to clear once the note is saved. */
  noteInDraft?: boolean;
}

/**
 * A note a full disk refused is kept in the page's draft (the popup's, by address, so the popup
 * on that page saves it too), with the notes it started from: a closed tab or a crash loses
 * nothing, and the next library page or popup merges it onto what is stored then.
 */
function draftKeyOf(resource: Resource): string {
  return resource.canonicalUrl || `resource:${resource.id}`;
}

/** The page's state, which the writes and the stored record's changes update. */
interface Shown {
  setResource: Dispatch<StateUpdater<Resource | null | undefined>>;
  setNotes: (notes: string) => void;
  setTags: (tags: string) => void;
  setStamps: (clips: Clip[]) => void;
  setSave: (save: SaveState) => void;
  setDeletedElsewhere: (gone: boolean) => void;
  /** The fields typed in: one that has the focus keeps what is being typed. */
  fields: {
    notes: RefObject<HTMLTextAreaElement>;
    tags: RefObject<HTMLInputElement>;
    stamps: RefObject<HTMLDivElement>;
  };
}

/**
 * One resource, edited as the user types: the fields as typed, what is stored, and `persist`,
 * which writes a change merged against the version it started from (and keeps typed text a full
 * disk refused, writing it again until it is saved).
 */
export function useResourceEditor(id: string) {
  const [resource, setResource] = useState<Resource | null | undefined>(undefined);
  const [notes, setNotes] = useState('');
  const [tags, setTags] = useState('');
  const [stamps, setStamps] = useState<Clip[]>([]);
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  const [writes] = useState<Writes>(() => ({
    count: 0,
    base: {},
    storedBase: {},
    unsaved: {},
    retry: { attempts: 0 },
    fieldWrites: {},
  }));
  const fields = {
    notes: useRef<HTMLTextAreaElement>(null),
    tags: useRef<HTMLInputElement>(null),
    stamps: useRef<HTMLDivElement>(null),
  };
  const shown: Shown = { setResource, setNotes, setTags, setStamps, setSave, setDeletedElsewhere, fields };
  useStoredRecord(id, writes, shown);
  useKeptWhileRefused(save, writes);

  const persist = (change: ResourcePatch) => persistChange(id, change, false, writes, shown);

  /** Choose between the field and a conflict version kept beside it. */
  const resolve = (conflict: FieldConflict, useIt: boolean) => {
    const rest = (resource?.conflicts ?? []).filter((c) => c !== conflict);
    if (!useIt) return void persist({ conflicts: rest });
    if (conflict.field === 'notes') setNotes(conflict.text);
    // The chosen text replaces the field outright: no merge against what it replaces.
    writes.base = { ...writes.base, [conflict.field]: undefined };
    writes.storedBase = { ...writes.storedBase, [conflict.field]: undefined };
    void persist({ [conflict.field]: conflict.text, conflicts: rest });
  };

  /**
   * Leaving the Tags field: it shows every stored tag (another writer's too), and the next edit
   * starts from them. A write refused keeps what was typed instead, to be written again.
   */
  const leaveTags = () => {
    if (!resource || save.phase === 'error')
      return setTags(parseTagInput(fields.tags.current?.value ?? tags).join(', '));
    setTags(resource.tags.join(', '));
    writes.base.tags = resource.tags;
  };

  return {
    resource,
    setResource,
    notes,
    setNotes,
    tags,
    setTags,
    stamps,
    setStamps,
    save,
    setSave,
    deletedElsewhere,
    fields,
    persist,
    resolve,
    leaveTags,
  };
}

/** Follows the stored record: another page's write of it (this page's own echo is already shown). */
function useStoredRecord(id: string, writes: Writes, shown: Shown) {
  const { setResource, setNotes, setTags, setStamps, setSave, setDeletedElsewhere, fields } = shown;
  const stored = useLiveQuery(() => getResource(id).then((record) => record ?? null), ['resources'], [id], {
    accept: (change) => change.origin !== PAGE_ID && (!change.ids.length || change.ids.includes(id)),
  });
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (stored.error) setSave({ phase: 'error', message: describeWriteError(stored.error) });
    const record = stored.data;
    if (record === undefined) {
      if (filled.current !== id) setResource(undefined);
      return;
    }
    if (record === null) {
      // Gone: never there (a stale link), or deleted in another page while this one shows it.
      if (filled.current === id) setDeletedElsewhere(true);
      else setResource(null);
      return;
    }
    const initial = filled.current !== id;
    filled.current = id;
    setDeletedElsewhere(false);
    setResource(record);
    if (initial) writes.draftKey = draftKeyOf(record);
    // A change from elsewhere never eats typing: a focused field keeps what is being typed, and
    // its next write merges against the version it started from (base).
    if (initial || !isFocused(fields.notes.current)) {
      setNotes(record.notes);
      writes.base.notes = writes.storedBase.notes = record.notes;
    }
    if (initial || !isFocused(fields.tags.current)) {
      setTags(record.tags.join(', '));
      writes.base.tags = writes.storedBase.tags = record.tags;
    }
    if (initial || !isFocused(fields.stamps.current)) {
      setStamps(record.clips);
      writes.base.clips = writes.storedBase.clips = record.clips;
    }
    if (initial) saveRefusedNote(id, record, writes, shown);
  }, [stored.data, stored.error, id]);
}

/** A note an earlier page or popup could not write: shown, and saved merged onto what is stored. */
function saveRefusedNote(id: string, record: Resource, writes: Writes, shown: Shown) {
  const draft = writes.draftKey === undefined ? undefined : readDraft(writes.draftKey);
  if (!draft || draft.noteBase === undefined) return;
  if (draft.note === record.notes) return clearRefusedNote(writes.draftKey!);
  shown.setNotes(draft.note);
  writes.base.notes = draft.noteBase;
  writes.noteInDraft = true;
  void persistChange(id, { notes: draft.note }, false, writes, shown);
}

/** Typed text a full disk refused is written again until saved; closing the tab meanwhile asks first. */
function useKeptWhileRefused(save: SaveState, writes: Writes) {
  useEffect(
    () => () => {
      clearTimeout(writes.retry.timer);
    },
    [],
  );
  const waitingForSpace = save.phase === 'error' && Object.keys(writes.unsaved).length > 0;
  useEffect(() => {
    if (!waitingForSpace) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [waitingForSpace]);
}

/** Writes a change of the resource, shown at once; see `useResourceEditor`. */
async function persistChange(id: string, change: ResourcePatch, isRetry: boolean, writes: Writes, shown: Shown) {
  const { setResource, setSave, setDeletedElsewhere } = shown;
  clearTimeout(writes.retry.timer);
  // A keystroke starts over: the wait grows only between retries with nothing typed.
  const attempt = isRetry ? writes.retry.attempts + 1 : 0;
  writes.retry.attempts = attempt;
  // Whatever a full disk refused before goes along with this write.
  const patch = { ...writes.unsaved, ...change };
  if (!Object.keys(patch).length) return;
  const ticket = ++writes.count;
  for (const field of Object.keys(patch) as (keyof ResourcePatch)[]) writes.fieldWrites[field] = ticket;
  const ownFields = () =>
    (Object.keys(patch) as (keyof ResourcePatch)[]).filter((field) => writes.fieldWrites[field] === ticket);
  // What this edit started from: this page's last write of the field, or what it last showed
  // from elsewhere.
  const startedFrom = startEdit(writes.base, patch);
  // Show the change at once (a controlled radio or checkbox must not flick back while the write runs).
  setResource((current) => (current ? applyPatch(current, patch, Date.now()) : current));
  setSave({ phase: 'saving' });
  try {
    const updated = await editResource(id, patch, Date.now(), startedFrom);
    for (const field of ownFields()) {
      delete writes.unsaved[field];
      if (updated && field in writes.storedBase)
        Object.assign(writes.storedBase, { [field]: updated[field as keyof ResourceBase] });
    }
    if (writes.noteInDraft && ownFields().includes('notes') && writes.draftKey !== undefined) {
      writes.noteInDraft = false;
      clearRefusedNote(writes.draftKey);
    }
    if (!updated) setDeletedElsewhere(true);
    // Only the latest write speaks: an earlier one finishing late must not undo a later change.
    else if (ticket === writes.count) {
      setResource(updated);
      // Merged with another writer's edit: the field shows what is stored now.
      const merged = showMerged(patch, updated, writes, shown);
      setSave({ phase: merged ? 'merged' : 'saved' });
    }
  } catch (error) {
    // Not written: the next write of these fields starts from what is stored, not from this.
    for (const field of ownFields())
      if (field in writes.base) Object.assign(writes.base, { [field]: writes.storedBase[field as keyof ResourceBase] });
    if (isStorageError(error)) {
      // A full disk: the typed text (notes, takeaways, tags, moments) is kept and written again
      // every few seconds, and at the next keystroke, until it is saved.
      for (const field of ownFields())
        if (TYPED_FIELDS.has(field)) Object.assign(writes.unsaved, { [field]: patch[field] });
      if (patch.notes !== undefined && ownFields().includes('notes') && writes.draftKey !== undefined) {
        writeDraft(writes.draftKey, { note: patch.notes, noteBase: writes.storedBase.notes ?? '' });
        writes.noteInDraft = true;
      }
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      clearTimeout(writes.retry.timer);
      writes.retry.timer = setTimeout(() => void persistChange(id, {}, true, writes, shown), delay);
      setSave({ phase: 'error', message: describeWriteError(error, { savesLater: true }) });
    } else {
      // What the user typed stays in the field; the next keystroke tries again.
      setSave({ phase: 'error', message: describeWriteError(error) });
    }
    // Checkboxes and radios go back to what is stored.
    void getResource(id).then(
      (stored) => stored && setResource(stored),
      () => undefined,
    );
  }
}

/** After a write that merged in another writer's text, the field shows the merged text. */
function showMerged(patch: ResourcePatch, stored: Resource, writes: Writes, shown: Shown): boolean {
  let merged = false;
  if (patch.notes !== undefined && stored.notes !== patch.notes) {
    shown.setNotes(stored.notes);
    writes.base.notes = writes.storedBase.notes = stored.notes;
    merged = true;
  }
  if (patch.tags !== undefined && stored.tags.join(',') !== normaliseTags(patch.tags).join(',')) {
    // The next edit starts from what the field shows: a focused field keeps what is typed, so its
    // base stays this write; taking the stored tags as its base would read the other writer's
    // additions, absent from the field, as removed by the next keystroke (issue #49, 9).
    if (!isFocused(shown.fields.tags.current)) {
      shown.setTags(stored.tags.join(', '));
      writes.base.tags = stored.tags;
    }
    writes.storedBase.tags = stored.tags;
    merged = true;
  }
  return merged;
}
