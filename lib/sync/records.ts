import * as v from 'valibot';
import { RECORD_SCHEMAS } from '../model/schemas';
import { STORE_NAMES, type StoreName } from '../model/stores';
import type { StoreRecord } from '../model/stores';

/**
 * How the library's records travel as CouchDB documents: one document per record, its id
 * `<store>/<record id>`, the record whole under `record`. The settings a user chose travel as one
 * document, `settings`. Nothing else is ever written to the user's database.
 */
export interface RecordDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  store: StoreName;
  record: StoreRecord;
}

export interface SettingsDoc {
  _id: typeof SETTINGS_DOC_ID;
  _rev?: string;
  _deleted?: boolean;
  store: 'settings';
  /**
   * The chosen settings' values (lib/sync/settings-merge.ts). A client of the version before
   * reads only this and applies it whole, so it holds chosen values only: one never chosen is
   * left as that client has it.
   */
  values: Record<string, unknown>;
  /** When each setting in `values` was chosen; absent in an older client's document. */
  chosenAt?: Record<string, number>;
  /** When the document was written: what an older client orders conflicting copies by. */
  updatedAt: number;
}

export const SETTINGS_DOC_ID = 'settings';

export function docId(store: StoreName, id: string): string {
  return `${store}/${id}`;
}

const STORE_SET: ReadonlySet<string> = new Set(STORE_NAMES);

/** The store and record id a document id names, or null for one that is not ours. */
export function parseDocId(id: string): { store: StoreName; id: string } | null {
  const slash = id.indexOf('/');
  if (slash < 1) return null;
  const store = id.slice(0, slash);
  if (!STORE_SET.has(store)) return null;
  const recordId = id.slice(slash + 1);
  return recordId ? { store: store as StoreName, id: recordId } : null;
}

/** A document of 1 MB or more is refused before it is parsed field by field. */
export const MAX_DOC_CHARS = 1_000_000;

export type Checked =
  | { ok: true; store: StoreName; id: string; record: StoreRecord }
  | { ok: false; id: string; reason: string };

/** Keys no record has, whatever a hostile server sends: they could reach a prototype. */
const POISON_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function hasPoisonKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  for (const key of Object.keys(value)) {
    if (POISON_KEYS.has(key)) return true;
    if (hasPoisonKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * A document from the server, checked with the same schemas an import uses (lib/model/schemas.ts):
 * strict (an unknown field fails), typed, within the app's limits, only http(s) addresses, and
 * the record's id agreeing with the document's. A document that fails is skipped and listed in
 * the status; it never reaches the library, and it never stops the sync.
 */
export function checkRemoteDoc(doc: unknown): Checked {
  const id =
    typeof doc === 'object' && doc !== null && typeof (doc as { _id?: unknown })._id === 'string'
      ? (doc as { _id: string })._id.slice(0, 600)
      : '?';
  const named = parseDocId(id);
  if (!named) return { ok: false, id, reason: 'unknown-document' };
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch {
    return { ok: false, id, reason: 'unreadable' };
  }
  if (size >= MAX_DOC_CHARS) return { ok: false, id, reason: 'too-large' };
  const body = doc as Partial<RecordDoc>;
  if (body.store !== named.store) return { ok: false, id, reason: 'wrong-store' };
  if (hasPoisonKey(body.record)) return { ok: false, id, reason: 'forbidden-field' };
  const result = v.safeParse(RECORD_SCHEMAS[named.store] as v.GenericSchema<unknown, StoreRecord>, body.record);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, id, reason: `${path || 'record'}: ${issue.message}`.slice(0, 300) };
  }
  if (result.output.id !== named.id) return { ok: false, id, reason: 'id-mismatch' };
  return { ok: true, store: named.store, id: named.id, record: result.output };
}
