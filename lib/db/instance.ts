import type { DatabaseInstance } from '../model/stores';
import { isWriteLog } from './write-log-entries';

// Apart from meta.ts, which opens the database: the snapshot reads the record inside a
// transaction it already has, and open.ts loads the snapshot before an upgrade.

/** The meta store's `instance` record (the store also holds the resource write log). */
export function asInstance(value: DatabaseInstance | object | undefined): DatabaseInstance | undefined {
  return value && !isWriteLog(value) ? (value as DatabaseInstance) : undefined;
}
