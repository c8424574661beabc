/**
 * Undo for every delete in the application layer: what a command removed is kept in memory until
 * the page closes, so an Undo can put it back for as long as the page is open. Views subscribe to
 * show the latest offer of their kind.
 */
export type UndoKind =
  | 'resources'
  | 'reflection'
  | 'action'
  | 'assessment'
  | 'prompt'
  | 'clip'
  | 'quote'
  | 'takeaway'
  | 'review';

export interface UndoOffer {
  id: number;
  kind: UndoKind;
  /** How many records the undo puts back. */
  count: number;
  /** What to call it when it is one record (a title). */
  label?: string;
  at: number;
}

interface Entry extends UndoOffer {
  restore: () => Promise<void>;
}

let entries: Entry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

function offer({ restore: _restore, ...entry }: Entry): UndoOffer {
  return entry;
}

export function offerUndo(
  what: { kind: UndoKind; count: number; label?: string; restore: () => Promise<void> },
  at = Date.now(),
): UndoOffer | undefined {
  if (what.count <= 0) return undefined;
  const entry: Entry = { id: nextId++, at, ...what };
  entries = [...entries, entry];
  changed();
  return offer(entry);
}

/**
 * Every delete of the application layer with its Undo, in one shape: `remove` takes the records
 * out and returns what it took (`undefined` when nothing was there: no offer); `announce` tells
 * the pages after the removal and again after an Undo (or `remove` and `restore` tell them
 * themselves); Undo puts back exactly what was taken with `restore`.
 */
export async function deleteWithUndo<T>(
  what: {
    kind: UndoKind;
    remove: () => Promise<T | undefined>;
    restore: (removed: T) => Promise<unknown>;
    announce?: (removed: T) => Promise<void> | void;
    /** How many records the undo puts back: one unless said. */
    count?: (removed: T) => number;
    label?: (removed: T) => string | undefined;
  },
  now = Date.now(),
): Promise<UndoOffer | undefined> {
  const removed = await what.remove();
  if (removed === undefined) return undefined;
  await what.announce?.(removed);
  return offerUndo(
    {
      kind: what.kind,
      count: what.count ? what.count(removed) : 1,
      label: what.label?.(removed),
      restore: async () => {
        await what.restore(removed);
        await what.announce?.(removed);
      },
    },
    now,
  );
}

/** The most recent offer of a kind not yet taken or dismissed. */
export function latestUndo(kind: UndoKind): UndoOffer | undefined {
  const entry = entries.filter((e) => e.kind === kind).at(-1);
  return entry && offer(entry);
}

/** Puts the records back; false when the offer is gone. */
export async function undo(id: number): Promise<boolean> {
  const entry = entries.find((e) => e.id === id);
  if (!entry) return false;
  await entry.restore();
  entries = entries.filter((e) => e.id !== id);
  changed();
  return true;
}

/** Hide the offer (the records stay gone). */
export function dismissUndo(id: number): void {
  entries = entries.filter((e) => e.id !== id);
  changed();
}

export function onUndoChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests only. */
export function resetUndo(): void {
  entries = [];
  changed();
}
