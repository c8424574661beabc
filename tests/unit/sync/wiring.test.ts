import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveCapturedPage, editResource } from '../../../lib/app/resources';
import { SYNC_AFTER_WRITE_MS } from '../../../lib/background/sync-feature';
import { SYNC_ALARM, SYNC_SOON_ALARM } from '../../../lib/background/names';
import { EXPORTED_SETTINGS } from '../../../lib/backup/settings';
import { syncAccount, syncPassword, syncStatus } from '../../../lib/settings';
import { DEVICE_SETTINGS, readOutbox, SYNCED_SETTINGS } from '../../../lib/sync/outbox';
import { forgetConnection, SYNC_ACCOUNT_KEY } from '../../../lib/sync/connection';
import { saveSetting } from '../../../lib/app/settings';
import { settle, setNow, startBackground } from '../background-harness';

// Wiring: commands mark what they changed, the background plans a pass after a write and runs
// it on its alarm. Nothing at all happens while no server is connected.

const T0 = new Date(2030, 5, 10, 10, 0).getTime();
const page = {
  url: 'https://blog.example.org/post',
  canonicalUrl: 'https://blog.example.org/post',
  kind: 'article' as const,
  title: 'A post',
};

let stop: () => void = () => undefined;
beforeEach(async () => {
  setNow(T0);
  forgetConnection();
  stop = startBackground({ asPage: true });
  await settle();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

async function connect(): Promise<void> {
  // 127.0.0.1:9 (discard): nothing listens, so a pass fails as "unreachable", keeping every mark.
  await syncPassword.setValue('pw');
  await syncAccount.setValue({
    server: 'http://127.0.0.1:9',
    user: 'alice',
    database: 'userdb-616c696365',
    teamDatabase: null,
    connectedAt: T0,
  });
  await settle();
}

describe('sync wiring', () => {
  it('with no server connected a save marks nothing, plans no pass and makes no request', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    await saveCapturedPage(page);
    await settle();
    expect(await readOutbox()).toEqual([]);
    expect(await browser.alarms.get(SYNC_SOON_ALARM)).toBeUndefined();
    expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('connected: a save and an edit mark the record and its review cards, and a pass is planned shortly after', async () => {
    await connect();
    const { resource } = await saveCapturedPage(page);
    await editResource(resource.id, { notes: 'typed' });
    await settle();
    const marks = (await readOutbox()).map((m) => `${m.target}/${m.id}`).sort();
    expect(marks).toEqual([`resources/${resource.id}`, `reviews/${resource.id}`]);
    const soon = await browser.alarms.get(SYNC_SOON_ALARM);
    expect(soon?.scheduledTime).toBe(T0 + SYNC_AFTER_WRITE_MS);
    expect(await browser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });

  it('a setting that syncs marks the settings document; one that does not marks nothing', async () => {
    await connect();
    await saveSetting('showThumbnails', false);
    await settle();
    expect((await readOutbox()).map((m) => m.target)).toEqual(['settings']);
  });

  it('the alarm runs a one-shot pass; an unreachable server is said in the status, and nothing marked is dropped', async () => {
    await connect();
    const { resource } = await saveCapturedPage(page);
    await settle();
    vi.useRealTimers();
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await syncStatus.getValue()).error).toBe('unreachable'), { timeout: 10_000 });
    const status = await syncStatus.getValue();
    expect(status.lastSyncedAt).toBeNull();
    expect(status.pending).toBeGreaterThan(0);
    expect((await readOutbox()).some((m) => m.id === resource.id)).toBe(true);
  });

  it('the settings that sync are the ones an export carries but the language and the webhook', () => {
    expect([...SYNCED_SETTINGS, ...DEVICE_SETTINGS].sort()).toEqual(Object.keys(EXPORTED_SETTINGS).sort());
  });

  it('the connection is read from the key the account is stored under', () => {
    expect(syncAccount.key).toBe(SYNC_ACCOUNT_KEY);
  });
});
