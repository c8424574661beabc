import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BACKUP_VERSION, STORES } from '../../lib/backup/format';
import { extensionUrl, launch, type Launched } from './harness';
import { addUsers, adminGet, type Couch, startCouch } from './couch';

// Issue #49, item 1: a device that connects later must not reset the settings chosen on another.
// Two fresh profiles against a CouchDB-protocol server (pouchdb-server) started here.

let couch: Couch;
const open: Launched[] = [];

beforeAll(async () => {
  couch = await startCouch();
  await addUsers(couch, { dana: 'dana-pw' });
}, 60_000);

afterAll(async () => {
  await couch?.stop();
});

afterEach(async () => {
  for (const launched of open.splice(0)) await launched.close();
});

async function device(): Promise<Launched> {
  const launched = await launch();
  open.push(launched);
  // The harness refuses every request not routed: the sync server is let through.
  const port = new URL(couch.url).port;
  await launched.context.route(/^http:\/\/127\.0\.0\.1:\d+\//, (route) =>
    new URL(route.request().url()).port === port ? route.continue() : route.fallback(),
  );
  return launched;
}

async function settingsPage(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, 'library.html#settings'));
  await page.getByRole('heading', { name: 'Sync and team' }).waitFor();
  return page;
}

async function connect(page: Page, user: string, password: string): Promise<void> {
  await page.getByLabel('Server address').fill(couch.url);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(`Connected to ${couch.url} as ${user}`).waitFor();
  await page.getByText(/^Last synced/).waitFor({ timeout: 30_000 });
}

const lastSyncedAt = (page: Page) =>
  page.evaluate(
    async () => ((await chrome.storage.local.get('syncStatus')).syncStatus as { lastSyncedAt?: number })?.lastSyncedAt,
  );

/** Sync now, and wait until that pass went through (the status's time moves past the click). */
async function pass(page: Page): Promise<void> {
  const before = (await lastSyncedAt(page)) ?? 0;
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => (await lastSyncedAt(page)) ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
}

type Shown = { reviews: string; thumbnails: boolean; clipSeconds: unknown };

/** The settings as the page shows them after a reload (the clip length as stored: 45 is no choice of its menu). */
async function shown(page: Page): Promise<Shown> {
  await page.reload();
  const reviews = page.getByLabel('Review cards with each prompt');
  await reviews.waitFor();
  const stored = await page.evaluate(() => chrome.storage.local.get('clipSegmentSeconds'));
  return {
    reviews: await reviews.inputValue(),
    thumbnails: await page.getByLabel('Show thumbnails of saved pages').isChecked(),
    clipSeconds: stored.clipSegmentSeconds,
  };
}

/** The clip length by a backup import (a file with settings only): an import chooses what it writes. */
async function importClipLength(page: Page, seconds: number): Promise<void> {
  const path = join(tmpdir(), `ll-settings-${Date.now()}.json`);
  const empty = Object.fromEntries(STORES.map((store) => [store, []]));
  writeFileSync(
    path,
    JSON.stringify({
      format: 'learning-loop',
      version: BACKUP_VERSION,
      exportedAt: '2026-12-01T10:00:00.000Z',
      ...empty,
      settings: { clipSegmentSeconds: seconds },
    }),
  );
  await page.getByRole('button', { name: 'Import', exact: true }).setInputFiles(path);
  await page.getByRole('button', { name: 'Merge into library' }).click();
  await page.locator('.backup-result').waitFor();
}

describe('settings across devices', () => {
  it("a device that connects later keeps the first one's settings; a setting changed there reaches the first, the others stay", async () => {
    const a = await device();
    const aPage = await settingsPage(a);
    await aPage.getByLabel('Review cards with each prompt').selectOption('7');
    await aPage.getByLabel('Show thumbnails of saved pages').uncheck();
    await importClipLength(aPage, 45);
    const chosen: Shown = { reviews: '7', thumbnails: false, clipSeconds: 45 };
    await expect.poll(() => shown(aPage)).toEqual(chosen);
    await connect(aPage, 'dana', 'dana-pw');
    await expect
      .poll(async () => (await adminGet<{ values?: unknown }>(couch, '/userdb-64616e61/settings')).values, {
        timeout: 30_000,
      })
      .toMatchObject({ reviewsPerPrompt: 7, showThumbnails: false, clipSegmentSeconds: 45 });

    // B: a fresh profile, nothing chosen, connects to the same account.
    const b = await device();
    const bPage = await settingsPage(b);
    await connect(bPage, 'dana', 'dana-pw');
    for (const page of [aPage, bPage, aPage]) await pass(page);
    expect(await shown(aPage)).toEqual(chosen);
    expect(await shown(bPage)).toEqual(chosen);

    // B changes one setting: A takes it and keeps the others.
    await bPage.getByLabel('“Clip the last…” in the popup keeps').selectOption('120');
    await pass(bPage);
    await pass(aPage);
    expect(await shown(aPage)).toEqual({ ...chosen, clipSeconds: 120 });
    expect(await shown(bPage)).toEqual({ ...chosen, clipSeconds: 120 });
  }, 240_000);
});
