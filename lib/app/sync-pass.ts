import { applySettings, readSettings, validateSettings } from '../backup/settings';
import { getDb } from '../db/open';
import { writeSynced, type SyncedRecord, type SyncedWrite } from '../db/sync';
import { syncAccount } from '../settings';
import { syncRules } from '../sync/merge-records';
import { committed } from './commit';
import type { SyncWriter } from '../sync/session';

/**
 * A sync pass as the background and pages run it: PouchDB (lib/sync/session.ts) loads on the
 * first pass, never while no server is connected. Remote changes come back through
 * `applyFromServer`: merged by the one rule, written, broadcast, the background told.
 */
const session = () => import('../sync/session');

/** A batch a pass announces record by record; more than this and open pages read their lists again. */
const ANNOUNCE_IDS = 1_000;

/**
 * Records from the server into the library: `apply` merges and writes a batch, `announce` tells
 * open pages and the background once the pass has taken everything in (a first sync of 10,000
 * records is one "many changed", not twenty lists rebuilt).
 */
export const applyFromServer: SyncWriter = {
  apply: async (records: SyncedRecord[]): Promise<SyncedWrite> =>
    writeSynced(await getDb(), records, syncRules(Date.now)),
  // The settings document: the other device's choices replace these (the newer copy won any
  // conflict), and the background hears of them as of any change (a schedule moves its alarm).
  settings: {
    read: () => readSettings(false),
    apply: async (values) => {
      const written = await applySettings(validateSettings(values).values, true);
      if (written.length) await committed({ items: written, fromSync: true });
    },
  },
  announce: async (written) => {
    const stores = [...written.keys()];
    const ids = [...written.values()].flat();
    await committed({ stores, ids: ids.length > ANNOUNCE_IDS ? [] : ids, fromSync: true });
  },
};

/** One pass now (Settings' Sync now, a page opening, a write shortly after). */
export async function syncNow(): Promise<boolean> {
  if (!(await syncAccount.getValue())) return false;
  const { syncNowWith } = await session();
  return (await syncNowWith(applyFromServer)).ok;
}

/** While a library page is open: changes from the server arrive as they happen. */
export async function startLiveSync(onChange: () => void): Promise<() => void> {
  if (!(await syncAccount.getValue())) return () => undefined;
  const { syncLive } = await session();
  return syncLive(applyFromServer, onChange);
}
