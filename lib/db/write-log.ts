import { type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import { newId } from '../infra/ids';
import type { LoopDB } from './schema';
import {
  isWriteLog,
  type ResourceWrite,
  type ResourceWriteLog,
  WRITE_LOG_KEY,
  WRITE_LOG_SIZE,
} from './write-log-entries';

type LoopDatabase = IDBPDatabase<LoopDB>;
type AnyTransaction = IDBPTransaction<LoopDB, StoreNames<LoopDB>[], IDBTransactionMode>;
type ResourceStore = IDBPObjectStore<LoopDB, StoreNames<LoopDB>[], 'resources', 'readwrite'>;
type MetaStore = IDBPObjectStore<LoopDB, StoreNames<LoopDB>[], 'meta', 'readwrite'>;

/** What each way of writing a store's records tells the log. */
const EFFECTS = new Map<PropertyKey, (args: unknown[]) => Partial<ResourceWrite>>([
  ['put', (args) => ({ floor: updatedAtOf(args[0]) })],
  ['add', (args) => ({ floor: updatedAtOf(args[0]) })],
  ['delete', () => ({ removed: true })],
  ['clear', () => ({ cleared: true, removed: true, floor: Number.NEGATIVE_INFINITY })],
]);
/** A cursor on a read-write store can change records the log cannot see. */
const CURSORS = new Set<PropertyKey>(['openCursor', 'iterate', Symbol.asyncIterator]);

/**
 * The shared connection, with every read-write transaction over `resources` logging itself (see
 * ResourceWriteLog). idb's shortcut methods (`db.put('resources', …)`) open their transaction
 * through `this`, so they are logged too; its own methods run on idb's object.
 */
export function logResourceWrites(db: LoopDatabase): LoopDatabase {
  // Looked up on each call, not kept: a spy or a patched prototype (tests) is seen.
  const transaction = (names: string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) =>
    (db.transaction as (...args: unknown[]) => AnyTransaction)(names, mode, options);
  const logged = (names: string | readonly string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
    const scope = typeof names === 'string' ? [names] : [...names];
    // A database from before the meta store (only ever seen by tests of the upgrade) has no log.
    if (mode !== 'readwrite' || !scope.includes('resources') || !db.objectStoreNames.contains('meta'))
      return transaction([...scope], mode, options);
    const tx = transaction(scope.includes('meta') ? scope : [...scope, 'meta'], mode, options);
    return loggingTransaction(tx, scope);
  };
  const connection: LoopDatabase = new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') return logged;
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return typeof property === 'string' && !(property in IDBDatabase.prototype)
        ? value.bind(connection)
        : value.bind(target);
    },
  });
  return connection;
}

function loggingTransaction(tx: AnyTransaction, scope: readonly string[]): AnyTransaction {
  const meta = tx.objectStore('meta') as unknown as MetaStore;
  const entry: ResourceWrite = { token: newId(), floor: Number.POSITIVE_INFINITY, removed: false, cleared: false };
  let previous: ResourceWriteLog | null = null;
  const write = () => {
    const entries = [...(previous?.entries ?? []).slice(-(WRITE_LOG_SIZE - 1)), { ...entry }];
    meta.put({ entries }, WRITE_LOG_KEY).catch(() => undefined);
  };
  // Written as soon as the log is read, and again when this transaction's own entry changes.
  meta
    .get(WRITE_LOG_KEY)
    .then((log) => {
      previous = isWriteLog(log) ? log : { entries: [] };
      write();
    })
    .catch(() => undefined);
  const note = (change: Partial<ResourceWrite>) => {
    const { floor, removed, cleared } = entry;
    if (change.floor !== undefined) entry.floor = Math.min(entry.floor, change.floor);
    if (change.removed) entry.removed = true;
    if (change.cleared) entry.cleared = true;
    const changed = entry.floor !== floor || entry.removed !== removed || entry.cleared !== cleared;
    if (previous && changed) write();
  };
  const resources = loggingStore(tx.objectStore('resources') as unknown as ResourceStore, note);
  const objectStore = (name: string) => (name === 'resources' ? resources : tx.objectStore(name as 'meta'));
  const proxy = new Proxy(tx, {
    get(target, property) {
      // A transaction over one store has `store`; the log's own store must not change that.
      if (property === 'store') return scope.length === 1 ? objectStore(scope[0]!) : undefined;
      if (property === 'objectStore') return objectStore;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  underneath.set(proxy, { raw: unwrap(tx), note });
  return proxy;
}

/** The browser's own transaction under each logged one, and what to tell its log (write-log-raw.ts). */
export const underneath = new WeakMap<object, { raw: IDBTransaction; note: Note }>();

type Note = (change: Partial<ResourceWrite>) => void;
/** A cursor can change records the log cannot see: whatever it did, a copy reads everything again. */
export const UNKNOWN: Partial<ResourceWrite> = { floor: Number.NEGATIVE_INFINITY, removed: true };

function loggingStore(store: ResourceStore, note: Note): ResourceStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      const effect = EFFECTS.get(property);
      if (effect)
        return (...args: unknown[]) => {
          note(effect(args));
          return (value as (...args: unknown[]) => unknown).apply(target, args);
        };
      if (property === 'index') return (name: string) => loggingIndex(target.index(name as 'updatedAt'), note);
      if (CURSORS.has(property)) note(UNKNOWN);
      return bound(value, target);
    },
  });
}

function loggingIndex<T extends object>(index: T, note: Note): T {
  return new Proxy(index, {
    get(target, property) {
      if (CURSORS.has(property)) note(UNKNOWN);
      return bound(Reflect.get(target, property), target);
    },
  });
}

function bound(value: unknown, target: object): unknown {
  return typeof value === 'function' ? value.bind(target) : value;
}

export function updatedAtOf(record: unknown): number {
  const updatedAt = (record as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof updatedAt === 'number' && Number.isFinite(updatedAt) ? updatedAt : Number.NEGATIVE_INFINITY;
}
