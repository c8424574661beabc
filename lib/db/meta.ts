import { getDb } from './open';
import type { DatabaseInstance } from '../model/stores';
import { asInstance } from './instance';

/** Which database this is (undefined only before the version-4 upgrade ran). */
export async function getInstance(): Promise<DatabaseInstance | undefined> {
  return asInstance(await (await getDb()).get('meta', 'instance'));
}

/** Remember that the snapshots of these databases were restored here or turned down. */
export async function settleSnapshots(keys: readonly string[]): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('meta', 'readwrite');
  const instance = asInstance(await tx.store.get('instance'));
  if (instance) await tx.store.put({ ...instance, settled: [...new Set([...instance.settled, ...keys])] }, 'instance');
  await tx.done;
}
