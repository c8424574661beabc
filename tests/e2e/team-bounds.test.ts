import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionUrl, launch, type Launched } from './harness';
import { addTeam, addUsers, type Couch, startCouch } from './couch';

// A teammate's hostile items in the team space (written past the rules, as a server with older
// rules let them through): the Team page shows what it can, says what it left out and why, and
// draws a spoofing title inside its own direction. The server with this version's rules refuses
// the same items itself.

let couch: Couch;
const open: Launched[] = [];

beforeAll(async () => {
  couch = await startCouch();
  await addUsers(couch, { alice: 'alice-pw', bob: 'bob-pw' });
  await addTeam(couch, 'team-learning', ['alice', 'bob']);
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
  const port = new URL(couch.url).port;
  await launched.context.route(/^http:\/\/127\.0\.0\.1:\d+\/(?!.*\.html)/, (route) =>
    new URL(route.request().url()).port === port ? route.continue() : route.fallback(),
  );
  return launched;
}

async function connect(launched: Launched, user: string, password: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, 'library.html#settings/sync'));
  await page.getByLabel('Server address').fill(couch.url);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Team database (optional)').fill('team-learning');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(/^Last synced/).waitFor({ timeout: 30_000 });
  return page;
}

/** A PUT to the team database as `auth` (a member, or the admin, whom the rules let past). */
async function put(auth: string, doc: { _id: string } & Record<string, unknown>): Promise<number> {
  const path = doc._id.startsWith('_design/') ? doc._id : encodeURIComponent(doc._id);
  const response = await fetch(`${couch.url}/team-learning/${path}`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  return response.status;
}

const now = Date.now();
const item = (id: string, fields: Record<string, unknown> = {}) => ({
  _id: `shared/bob/${id}`,
  type: 'shared',
  author: 'bob',
  resourceId: id,
  kind: 'article',
  title: `Talk ${id}`,
  url: `https://blog.example.org/${id}`,
  sharedAt: now - 60_000,
  publishedAt: now - 60_000,
  ...fields,
});

describe('a teammate’s oversized and hostile items', () => {
  it('are refused by the server’s rules, and where they got in anyway, left out with the reason while the others show', async () => {
    const huge = item('huge', {
      quotes: Array.from({ length: 500 }, (_, i) => ({ exact: `Quote ${i} ${'x'.repeat(1000)}` })),
    });
    const far = item('far', { title: 'Far clip', clips: [{ atSec: 1e308, note: 'far away' }] });
    // This version's rules: bob cannot write them himself.
    expect(await put('bob:bob-pw', huge)).toBe(403);
    expect(await put('bob:bob-pw', far)).toBe(403);
    expect(await put('bob:bob-pw', item('fine', { title: 'Small batches win', takeaways: ['Ship daily'] }))).toBe(201);
    expect(
      await put('bob:bob-pw', item('spoof', { title: 'Invoice \u202Eexe.gnp', takeaways: ['Open it \u202Enow'] })),
    ).toBe(201);
    // As a server with older rules would have taken them.
    expect(await put(couch.admin, huge)).toBe(201);
    expect(await put(couch.admin, far)).toBe(201);

    const alice = await connect(await device(), 'alice', 'alice-pw');
    await alice.goto(alice.url().replace(/#.*$/, '#team'));
    const from = alice.getByRole('region', { name: 'From the team' });
    await from.getByRole('listitem').filter({ hasText: 'Small batches win' }).waitFor({ timeout: 30_000 });
    await from
      .getByText('1 item from the team could not be shown: too large for the team space. Published by \u2068bob\u2069.')
      .waitFor();
    await from
      .getByText(
        '1 item from the team could not be shown: a clip lies outside its video. Published by \u2068bob\u2069.',
      )
      .waitFor();
    expect(await from.getByText('Far clip').count()).toBe(0);
    expect(await from.getByText(/e\+304/).count()).toBe(0);

    // The spoofing title is drawn in an element of its own direction: its override ends there.
    const spoof = from.getByRole('listitem').filter({ hasText: 'Invoice' });
    const isolated = await spoof.evaluate((li) => {
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      const found: boolean[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.textContent?.includes('\u202E')) {
          const holder = node.parentElement?.closest('bdi, [dir="auto"]');
          found.push(Boolean(holder) && getComputedStyle(holder as Element).unicodeBidi.includes('isolate'));
        }
      return found;
    });
    expect(isolated).toEqual([true, true]);
    // The rules are this version's: no request to the admin.
    expect(await alice.getByText('Ask your admin to update the team rules').count()).toBe(0);

    // Rules from before versions: the page asks for the update, with the command.
    const design = (await (
      await fetch(`${couch.url}/team-learning/_design/learning-loop`, {
        headers: { Authorization: `Basic ${Buffer.from(couch.admin).toString('base64')}` },
      })
    ).json()) as { _rev: string; validate_doc_update: string };
    expect(
      await put(couch.admin, {
        _id: '_design/learning-loop',
        _rev: design._rev,
        validate_doc_update: design.validate_doc_update,
      }),
    ).toBe(201);
    await expect
      .poll(
        async () => {
          await alice.reload();
          await alice.getByRole('heading', { name: 'From the team' }).waitFor();
          return alice.getByText(/Ask your admin to update the team rules/).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await alice
      .getByText(/^npm run team:setup -- --server http:\/\/127\.0\.0\.1:\d+ .* --team team-learning /)
      .waitFor();
  }, 120_000);
});
