import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  articleFixture,
  currentWorker,
  extensionUrl,
  launch,
  openPopup,
  putRecords,
  readStore,
  serve,
  stopServiceWorkers,
  tabIdFor,
  type Launched,
} from './harness';
import { ARS, BBC, saveThroughPopup, type StoredResource } from './library-helpers';
import { addTeam, addUsers, adminGet, type Couch, type CuttingProxy, startCouch, startProxy } from './couch';

// Sync and the team space against a real CouchDB-protocol server (pouchdb-server), started here.

let couch: Couch;
let proxy: CuttingProxy;
const open: Launched[] = [];

beforeAll(async () => {
  couch = await startCouch();
  await addUsers(couch, { alice: 'alice-pw', bob: 'bob-pw', chris: 'chris-pw' });
  await addTeam(couch, 'team-learning', ['alice', 'bob', 'chris']);
  proxy = await startProxy(couch.url);
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await couch?.stop();
});

afterEach(async (context) => {
  // A failed test says how sync stood on each device (status, marks waiting).
  if (context.task.result?.state === 'fail')
    for (const launched of open) {
      const page = launched.context.pages().find((p) => p.url().startsWith('chrome-extension://'));
      if (!page) continue;
      const state = await page
        .evaluate(() => chrome.storage.local.get(null))
        .catch((error: unknown) => ({ error: String(error) }));
      const shown = Object.fromEntries(
        Object.entries(state).filter(([key]) => key === 'syncStatus' || key.startsWith('syncOut/')),
      );
      console.log('sync state on a failed device:', JSON.stringify(shown));
    }
  proxy.restore();
  for (const launched of open.splice(0)) await launched.close();
});

async function device(): Promise<Launched> {
  const launched = await launch();
  open.push(launched);
  // The harness refuses every request not routed: the sync server is let through.
  await launched.context.route(/^http:\/\/127\.0\.0\.1:\d+\/(?!.*\.html)/, (route) => {
    const url = new URL(route.request().url());
    return url.port === new URL(proxy.url).port || url.port === new URL(couch.url).port
      ? route.continue()
      : route.fallback();
  });
  return launched;
}

async function settingsPage(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, 'library.html#settings/sync'));
  await page.getByRole('heading', { name: 'Sync and team' }).waitFor();
  return page;
}

async function connect(
  launched: Launched,
  user: string,
  password: string,
  options: { server?: string; team?: string } = {},
): Promise<Page> {
  const page = await settingsPage(launched);
  await page.getByLabel('Server address').fill(options.server ?? proxy.url);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  if (options.team) await page.getByLabel('Team database (optional)').fill(options.team);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(`Connected to ${options.server ?? proxy.url} as ${user}`).waitFor();
  await page.getByText(/^Last synced/).waitFor({ timeout: 30_000 });
  return page;
}

async function resourcePage(launched: Launched, id: string, page?: Page): Promise<Page> {
  const p = page ?? (await launched.context.newPage());
  await p.goto(extensionUrl(launched, `library.html#resource/${encodeURIComponent(id)}`));
  await p.getByLabel('Notes', { exact: true }).waitFor();
  return p;
}

/** A document as the server holds it (ids with slashes read through _all_docs). */
async function serverDoc<T>(db: string, id: string): Promise<T | undefined> {
  const found = await adminGet<{ rows: { doc?: T }[] }>(
    couch,
    `/${db}/_all_docs?include_docs=true&keys=${encodeURIComponent(JSON.stringify([id]))}`,
  );
  return found.rows[0]?.doc ?? undefined;
}

/** Chrome's split background (scripts/background-chunks.ts): what the live worker has run. */
async function liveWorkerRan(launched: Launched): Promise<string[]> {
  // A stopped worker may still be listed, and never answers: ask each, keep the one that does.
  const answers = await Promise.all(
    launched.context
      .serviceWorkers()
      .map((worker) =>
        Promise.race([
          worker.evaluate(() =>
            (self as unknown as { __learningLoopDefine: { ran(): string[] } }).__learningLoopDefine.ran(),
          ),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
        ]).catch(() => null),
      ),
  );
  return answers.find((answer) => answer !== null) ?? [];
}

const SENT_LATER = 'https://blog.example.org/2026/12/sent-by-a-stopped-background';

const resources = (page: Page) => readStore<StoredResource & { conflicts?: { text: string }[] }>(page, 'resources');

describe('a user who never connects a server', () => {
  it('makes no request and sets no sync alarm, whatever page opens', async () => {
    const launched = await device();
    const requests: string[] = [];
    launched.context.on('request', (request) => {
      if (/^https?:/.test(request.url())) requests.push(request.url());
    });
    const page = await launched.context.newPage();
    for (const hash of ['resources', 'team', 'settings/sync']) {
      await page.goto(extensionUrl(launched, `library.html#${hash}`));
      await page.locator('#main h1').first().waitFor();
    }
    await page.getByRole('heading', { name: 'Sync and team' }).waitFor();
    await page.goto(extensionUrl(launched, 'popup.html?tab=0'));
    await page
      .getByRole('link', { name: /library/i })
      .first()
      .waitFor();
    const alarms = await launched.worker.evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => a.name)));
    expect(alarms).not.toContain('sync');
    expect(alarms).not.toContain('sync-soon');
    expect(requests).toEqual([]);
  });

  it('a stopped background wakes for a change without loading the sync engine', async () => {
    const launched = await device();
    await saveThroughPopup(launched, ARS, articleFixture('ars-1'));
    await serve(launched.context, BBC, articleFixture('bbc-1'));
    const tab = await launched.context.newPage();
    await tab.goto(BBC);
    const tabId = await tabIdFor(launched, BBC);
    for (const page of launched.context.pages()) if (page !== tab) await page.close();
    await stopServiceWorkers(tab);
    // The popup's save tells the stopped worker, which wakes for it.
    const popup = await openPopup(launched, tabId);
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const ran = () => liveWorkerRan(launched);
    await expect.poll(async () => (await ran()).some((url) => url.includes('changes-feature'))).toBe(true);
    // A new life: what only the install ran is not there.
    expect((await ran()).filter((url) => url.includes('backup-feature'))).toEqual([]);
    expect((await ran()).filter((url) => /session|sync-pass|outbox/.test(url))).toEqual([]);
  });
});

describe('my devices: two browsers of one user', () => {
  it('a page saved on one shows on the other while its library is open, and a note typed there comes back', async () => {
    const laptop = await device();
    const home = await device();
    const laptopSettings = await connect(laptop, 'alice', 'alice-pw');
    const homeSettings = await connect(home, 'alice', 'alice-pw');
    // The library is open at home: what the laptop saves arrives without a click.
    await homeSettings.goto(extensionUrl(home, 'library.html#resources'));
    // Empty there: the count line shows only while the library is read, the empty state once read.
    await homeSettings.locator('.res-empty').waitFor();

    await saveThroughPopup(laptop, ARS, articleFixture('ars-1'), { note: 'Patch before Friday.' });
    // A library page on the laptop sends its writes within seconds; the background's alarm would otherwise.
    await laptopSettings.goto(extensionUrl(laptop, 'library.html#resources'));
    await homeSettings.locator('.res-row .res-title').first().waitFor({ timeout: 60_000 });
    const [saved] = await resources(homeSettings);
    expect(saved?.notes).toBe('Patch before Friday.');

    // An edit at home appears in the laptop's open resource page.
    const atHome = await resourcePage(home, saved!.id, homeSettings);
    const onLaptop = await resourcePage(laptop, saved!.id, laptopSettings);
    await atHome.getByLabel('Notes', { exact: true }).press('End');
    await atHome.getByLabel('Notes', { exact: true }).pressSequentially('\nAnd tell the team.');
    await expect
      .poll(() => onLaptop.getByLabel('Notes', { exact: true }).inputValue(), { timeout: 60_000 })
      .toBe('Patch before Friday.\nAnd tell the team.');
  }, 180_000);

  it('with no page open, a stopped background sends a change on its own alarm', async () => {
    const laptop = await device();
    const settings = await connect(laptop, 'alice', 'alice-pw');
    await settings.close();
    // Saved while the server cannot be reached: the popup's own pass fails, the change waits.
    proxy.cut = true;
    // An address no other test saves: alice's server copy keeps what earlier tests sent.
    const popup = await saveThroughPopup(laptop, SENT_LATER, articleFixture('ars-1'));
    // Connect brought alice's server copy in too: the one saved here is found by its address.
    const saved = (await resources(popup)).find((resource) => resource.url === SENT_LATER);
    expect(saved).toBeDefined();
    const blank = await laptop.context.newPage();
    for (const page of laptop.context.pages()) if (page !== blank) await page.close();
    proxy.restore();
    const serverCopy = () => serverDoc('userdb-616c696365', `resources/${saved!.id}`);
    expect(await serverCopy()).toBeUndefined();
    // The pass after a write, brought forward; the worker is stopped before it comes.
    const worker = await currentWorker(laptop);
    await worker.evaluate(() => chrome.alarms.create('sync-soon', { when: Date.now() + 2000 }));
    await stopServiceWorkers(blank);
    await expect.poll(serverCopy, { timeout: 30_000 }).toBeDefined();
  }, 120_000);

  it('both offline, both edit, reconnect: merged on both, nothing lost', async () => {
    const a = await device();
    const b = await device();
    const aSettings = await connect(a, 'bob', 'bob-pw');
    await saveThroughPopup(a, BBC, articleFixture('bbc-1'), { note: 'line one\nline two\nline three' });
    const [saved] = await resources(aSettings);
    await aSettings.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => serverDoc('userdb-626f62', `resources/${saved!.id}`), { timeout: 30_000 }).toBeDefined();
    const bSettings = await connect(b, 'bob', 'bob-pw');
    await expect.poll(async () => (await resources(bSettings)).length, { timeout: 30_000 }).toBe(1);
    const [record] = await resources(bSettings);

    // The connection drops for both.
    proxy.cut = true;
    const pageA = await resourcePage(a, record!.id);
    const pageB = await resourcePage(b, record!.id);
    const notesA = pageA.getByLabel('Notes', { exact: true });
    await notesA.fill('LINE ONE from A\nline two\nline three');
    const notesB = pageB.getByLabel('Notes', { exact: true });
    await notesB.fill('line one\nline two\nLINE THREE from B');
    await expect.poll(async () => (await resources(pageA))[0]?.notes).toBe('LINE ONE from A\nline two\nline three');
    await expect.poll(async () => (await resources(pageB))[0]?.notes).toBe('line one\nline two\nLINE THREE from B');
    // A field being typed in keeps what is typed: the merged text fills it once the user has left it.
    await notesA.blur();
    await notesB.blur();
    await aSettings.reload();
    await aSettings.getByRole('button', { name: 'Sync now' }).click();
    await aSettings.getByText(/cannot be reached\. Nothing is lost/).waitFor({ timeout: 30_000 });

    proxy.restore();
    const merged = 'LINE ONE from A\nline two\nLINE THREE from B';
    for (const settings of [aSettings, bSettings, aSettings]) {
      await settings.reload();
      await settings.getByRole('button', { name: 'Sync now' }).click();
      await settings.getByText(/^Last synced/).waitFor({ timeout: 30_000 });
      await settings.getByRole('button', { name: 'Sync now' }).isEnabled();
    }
    await expect.poll(async () => (await resources(pageA))[0]?.notes, { timeout: 30_000 }).toBe(merged);
    await expect.poll(async () => (await resources(pageB))[0]?.notes, { timeout: 30_000 }).toBe(merged);
    await expect.poll(() => notesA.inputValue(), { timeout: 30_000 }).toBe(merged);
    expect((await resources(pageB))[0]?.conflicts ?? []).toEqual([]);
  }, 180_000);
});

const DAY = 24 * 60 * 60 * 1000;

function learned(id: string, title: string, takeaway: string, now: number) {
  return {
    id,
    url: `https://blog.example.org/${id}`,
    canonicalUrl: `https://blog.example.org/${id}`,
    kind: 'article',
    title,
    site: 'Example Blog',
    notes: 'Private: my manager should read this.',
    clips: [],
    takeaways: [{ id: `${id}-t1`, text: takeaway, createdAt: now - DAY }],
    tags: [],
    status: 'learned',
    learnedAt: now - DAY,
    createdAt: now - 2 * DAY,
    updatedAt: now - DAY,
  };
}

const check = (id: string, scores: Record<string, number>, now: number) => ({
  id,
  createdAt: now - DAY,
  updatedAt: now - DAY,
  scores,
});

const SCORES_A = {
  'felt-need': 2,
  cooperation: 4,
  recognition: 3,
  careers: 3,
  feedback: 4,
  'new-ideas': 5,
  'bottom-up': 3,
};
const SCORES_B = {
  'felt-need': 1,
  cooperation: 5,
  recognition: 4,
  careers: 2,
  feedback: 4,
  'new-ideas': 4,
  'bottom-up': 3,
};
const SCORES_C = {
  'felt-need': 2,
  cooperation: 3,
  recognition: 5,
  careers: 4,
  feedback: 3,
  'new-ideas': 4,
  'bottom-up': 4,
};

describe('the team space: two teammates', () => {
  it('A publishes with takeaways, B sees it From the team and saves it; A unpublishes and it leaves the team view of B; three checks give medians', async () => {
    const now = Date.now();
    const a = await device();
    const b = await device();
    const aPage = await connect(a, 'alice', 'alice-pw', { server: couch.url, team: 'team-learning' });
    const bPage = await connect(b, 'bob', 'bob-pw', { server: couch.url, team: 'team-learning' });
    await putRecords(aPage, 'resources', [learned('talk-1', 'Small batches win', 'Ship in slices of a day', now)]);
    await putRecords(aPage, 'assessments', [check('check-a', SCORES_A, now)]);
    await putRecords(bPage, 'assessments', [check('check-b', SCORES_B, now)]);
    await putRecords(bPage, 'resources', [learned('b-own', 'A post of my own', 'Mine', now)]);

    // A marks it shared and, asked once, publishes it.
    await aPage.goto(extensionUrl(a, 'library.html#team'));
    await aPage.getByRole('checkbox', { name: 'Small batches win' }).check();
    await aPage.getByRole('button', { name: 'Mark shared' }).click();
    await aPage.getByText('Also publish to the team space?').waitFor();
    await aPage.getByRole('button', { name: 'Publish', exact: true }).click();
    await aPage.getByRole('status').filter({ hasText: 'Published to the team space.' }).waitFor();
    await expect.poll(() => serverDoc('team-learning', 'shared/alice/talk-1'), { timeout: 20_000 }).toBeDefined();
    const published = await serverDoc<{ title: string; takeaways: string[]; notes?: string }>(
      'team-learning',
      'shared/alice/talk-1',
    );
    expect(published).toMatchObject({ title: 'Small batches win', takeaways: ['Ship in slices of a day'] });
    expect(JSON.stringify(published)).not.toContain('Private');

    // The server itself refuses bob's write to alice's item (validate_doc_update).
    const forged = await fetch(`${couch.url}/team-learning/shared%2Falice%2Ftalk-1`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from('bob:bob-pw').toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ ...published, title: 'Bob was here' }),
    });
    expect(forged.status).toBe(403);

    // B sees it under From the team, with who shared it and the takeaway, and saves it.
    await bPage.goto(extensionUrl(b, 'library.html#team'));
    const from = bPage.getByRole('region', { name: 'From the team' });
    const item = from.getByRole('listitem').filter({ hasText: 'Small batches win' });
    await item.waitFor({ timeout: 30_000 });
    await item.getByText(/^Shared by alice/).waitFor();
    await item.getByText('Ship in slices of a day').waitFor();
    // The library's Shared filter shows the same, searchable.
    await bPage.goto(extensionUrl(b, 'library.html#resources'));
    await bPage.locator('#res-filter-shared').selectOption('team');
    await bPage.getByRole('searchbox').fill('slices');
    await bPage.getByRole('region', { name: 'From the team' }).getByText('Small batches win').waitFor();
    await bPage.goto(extensionUrl(b, 'library.html#team'));
    await item.getByRole('button', { name: 'Save to my library' }).click();
    await item.getByText('Saved to your library.').waitFor();
    const mine = (await resources(bPage)).find((r) => r.title === 'Small batches win');
    expect(mine).toMatchObject({ title: 'Small batches win', url: 'https://blog.example.org/talk-1' });
    expect(mine?.notes).toMatch(/^From the team: shared by alice on /);
    expect((mine as unknown as { takeaways: { text: string }[] }).takeaways.map((t) => t.text)).toEqual([
      'Ship in slices of a day',
    ]);

    // Checks: A and B share theirs here, a third member through the server; A sees the medians.
    for (const page of [aPage, bPage]) {
      await page.getByRole('button', { name: 'Share my latest check' }).click();
      await page.getByText(/^Your check of .* is shared\./).waitFor();
    }
    const chris = await fetch(`${couch.url}/team-learning/check%2Fchris`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from('chris:chris-pw').toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ type: 'check', author: 'chris', checkedAt: now - DAY, scores: SCORES_C }),
    });
    expect(chris.status).toBe(201);
    await aPage.reload();
    const env = aPage.getByRole('region', { name: "The team's learning environment" });
    await env.getByText('Topic for the next meeting: Felt need to change').waitFor({ timeout: 30_000 });
    await env
      .getByRole('row', { name: /Felt need to change/ })
      .getByText('Median 2 (from 1 to 2)')
      .waitFor();

    // A unpublishes: it leaves B's view (B's library keeps the copy B saved).
    await aPage
      .getByRole('listitem')
      .filter({ hasText: 'Published by you' })
      .getByRole('button', { name: 'Unpublish' })
      .click();
    await aPage.getByText('No longer in the team space.').waitFor();
    await expect.poll(() => serverDoc('team-learning', 'shared/alice/talk-1')).toBeUndefined();
    await expect
      .poll(
        async () => {
          await bPage.reload();
          await bPage.getByRole('heading', { name: 'From the team' }).waitFor();
          return bPage.getByRole('region', { name: 'From the team' }).getByText('Small batches win').count();
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    expect((await resources(bPage)).some((r) => r.title === 'Small batches win')).toBe(true);
  }, 180_000);
});

describe('a connection cut in the middle of a sync', () => {
  it('resumes where it stopped when restored: nothing lost, nothing twice', async () => {
    const now = Date.now();
    const launched = await device();
    const page = await settingsPage(launched);
    const many = Array.from({ length: 1200 }, (_, i) =>
      learned(`bulk-${String(i).padStart(4, '0')}`, `Bulk ${i}`, `Takeaway ${i}`, now),
    );
    await putRecords(page, 'resources', many);
    // The first sync sends 1,200 resources in batches of 500: the proxy drops it during the second.
    const before = proxy.docsUp;
    proxy.cutAfterDocs = before + 700;
    await page.getByLabel('Server address').fill(proxy.url);
    await page.getByLabel('User name').fill('chris');
    await page.getByLabel('Password').fill('chris-pw');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText(/cannot be reached\. Nothing is lost/).waitFor({ timeout: 30_000 });
    expect(proxy.cut).toBe(true);
    const partial = (await adminGet<{ doc_count: number }>(couch, '/userdb-6368726973')).doc_count;
    expect(partial).toBeGreaterThanOrEqual(500);
    expect(partial).toBeLessThan(1201);
    const sentBeforeCut = proxy.docsUp - before;

    proxy.restore();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/^Last synced/).waitFor({ timeout: 30_000 });
    const all = await adminGet<{ rows: { id: string }[] }>(couch, '/userdb-6368726973/_all_docs');
    const ids = all.rows.map((r) => r.id).filter((id) => id.startsWith('resources/'));
    expect(ids.length).toBe(1200);
    expect(new Set(ids).size).toBe(1200);
    // Resumed from the checkpoint: what went before the cut was not sent again.
    expect(proxy.docsUp - before - sentBeforeCut).toBeLessThanOrEqual(1200 - 500 + 1);
    expect((await resources(page)).length).toBe(1200);
  }, 180_000);
});
