import { getDb } from './open';
import { type SnapshotOutcome, type TakeSnapshotOptions, takeSnapshotOf } from './snapshot';

/** Take a snapshot of the library now (unless nothing changed since the newest one). */
export async function takeSnapshot(options: TakeSnapshotOptions): Promise<SnapshotOutcome> {
  return takeSnapshotOf({ ...options, db: options.db ?? (await getDb()) });
}
