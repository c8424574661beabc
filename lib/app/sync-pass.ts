import { getDb } from '../db/open';
import { readForSync, writeSynced, type SyncedRecord, type SyncedWrite } from '../db/sync';
import type { StoreName } from '../model/stores';
import { syncAccount } from '../settings';
import { applyChosenSettings, readChosenSettings, SYNCED_SETTING_RULES } from '../sync/chosen-settings';
import { syncRules } from '../sync/merge-records';
import { committed } from './commit';
import type { SyncWriter } from '../sync/session';

/**
 * A sync pass as the background and pages run it: the library's own database (lib/sync/session.ts),
 * then the team space's (lib/team/replica.ts), in one pass. PouchDB loads on the first pass,
 * never while no server is connected. Remote changes come back through `applyFromServer`: merged
 * by the one rule, written, broadcast, the background told.
 */
const session = () => import('../sync/session');
const teamReplica = () => import('../team/replica');

/** A batch a pass announces record by record; more than this and open pages read their lists again. */
const ANNOUNCE_IDS = 1_000;

/**
 * The library as a pass reads and writes it: `read` the records a change marked to send,
 * `apply` merges and writes a batch from the server, `announce` tells open pages and the
 * background once the pass has taken everything in (a first sync of 10,000 records is one "many
 * changed", not twenty lists rebuilt).
 */
export const applyFromServer: SyncWriter = {
  read: async (store: StoreName, ids: readonly string[]) => readForSync(await getDb(), store, ids),
  apply: async (records: SyncedRecord[]): Promise<SyncedWrite> =>
    writeSynced(await getDb(), records, syncRules(Date.now)),
  // The settings document: the settings another device chose later than this one replace
  // these, one by one, and the background hears of them as of any change (a schedule moves its alarm).
  settings: {
    read: readChosenSettings,
    apply: async (chosen) => {
      const written = await applyChosenSettings(chosen);
      if (written.length) await committed({ items: written, fromSync: true });
    },
    rules: SYNCED_SETTING_RULES,
  },
  announce: async (written) => {
    const stores = [...written.keys()];
    const ids = [...written.values()].flat();
    await committed({ stores, ids: ids.length > ANNOUNCE_IDS ? [] : ids, fromSync: true });
  },
};

/**
 * One pass now (Settings' Sync now, a page opening, a write shortly after): the library, then
 * the team space inside the same lock.
 */
export async function syncNow(): Promise<boolean> {
  if (!(await syncAccount.getValue())) return false;
  const [{ syncNowWith }, { syncTeam }] = await Promise.all([session(), teamReplica()]);
  // The team space's news for the popup (reactions to what the user shared), from the copy just brought.
  const afterTeam: typeof syncTeam = async (credentials) => {
    await syncTeam(credentials);
    const { refreshTeamNews } = await import('./team-news');
    await refreshTeamNews();
  };
  return (await syncNowWith(applyFromServer, { after: afterTeam })).ok;
}

/**
 * While a library page is open: changes from the server arrive as they happen, the library's
 * and the team space's, `onChange` after each arrival. Returns the stop.
 */
export async function startLiveSync(onChange: () => void): Promise<() => void> {
  if (!(await syncAccount.getValue())) return () => undefined;
  const [{ syncLive }, { syncTeamLive }] = await Promise.all([session(), teamReplica()]);
  const stopOwn = syncLive(applyFromServer, onChange);
  const stopTeam = syncTeamLive(onChange);
  return () => {
    stopOwn();
    stopTeam();
  };
}
