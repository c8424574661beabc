import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleFixture, extensionUrl, launch, openPopup, putRecords, serve, tabIdFor, type Launched } from './harness';
import { ARS } from './library-helpers';
import { addTeam, addUsers, adminGet, type Couch, forward, startCouch } from './couch';

// Issue #49, item 10: several library pages of one profile open against a plain-http server.
// Chromium opens at most six HTTP/1.1 connections to one host; each page's live replication held
// long polls, so with two pages open a publish queued behind them and never went out. One page
// leads the live replication, however many are open; the others follow it.

/** Counts what the browser holds open at the server: sockets, requests in flight, long polls. */
interface Counter {
  url: string;
  sockets: number;
  inFlight: number;
  longPolls: number;
  maxSockets: number;
  maxInFlight: number;
  maxLongPolls: number;
  reset(): void;
  stop(): Promise<void>;
}

async function startCounter(target: string): Promise<Counter> {
  const to = new URL(target);
  const open = new Set<Socket>();
  const counter: Counter = {
    url: '',
    sockets: 0,
    inFlight: 0,
    longPolls: 0,
    maxSockets: 0,
    maxInFlight: 0,
    maxLongPolls: 0,
    reset: () => {
      counter.maxSockets = counter.sockets;
      counter.maxInFlight = counter.inFlight;
      counter.maxLongPolls = counter.longPolls;
    },
    stop: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const longPoll = /[?&]feed=(longpoll|continuous)/.test(req.url ?? '');
    counter.inFlight += 1;
    if (longPoll) counter.longPolls += 1;
    counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight);
    counter.maxLongPolls = Math.max(counter.maxLongPolls, counter.longPolls);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      counter.inFlight -= 1;
      if (longPoll) counter.longPolls -= 1;
    };
    res.on('close', finish);
    req.pipe(forward(req, res, to));
  });
  server.on('connection', (socket) => {
    open.add(socket);
    counter.sockets = open.size;
    counter.maxSockets = Math.max(counter.maxSockets, counter.sockets);
    socket.on('close', () => {
      open.delete(socket);
      counter.sockets = open.size;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counter.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return counter;
}

let couch: Couch;
let counter: Counter;
let ext: Launched | undefined;

beforeAll(async () => {
  couch = await startCouch();
  await addUsers(couch, { alice: 'alice-pw', bob: 'bob-pw' });
  await addTeam(couch, 'team-learning', ['alice', 'bob']);
  counter = await startCounter(couch.url);
}, 60_000);

afterAll(async () => {
  await counter?.stop();
  await couch?.stop();
});

afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const DAY = 24 * 60 * 60 * 1000;

function learned(id: string, title: string, now: number) {
  return {
    id,
    url: `https://blog.example.org/${id}`,
    canonicalUrl: `https://blog.example.org/${id}`,
    kind: 'article',
    title,
    notes: '',
    clips: [],
    takeaways: [{ id: `${id}-t1`, text: 'Ship in slices of a day', createdAt: now - DAY }],
    tags: [],
    status: 'learned',
    learnedAt: now - DAY,
    createdAt: now - 2 * DAY,
    updatedAt: now - DAY,
  };
}

async function serverDoc<T>(db: string, id: string): Promise<T | undefined> {
  const found = await adminGet<{ rows: { doc?: T }[] }>(
    couch,
    `/${db}/_all_docs?include_docs=true&keys=${encodeURIComponent(JSON.stringify([id]))}`,
  );
  return found.rows[0]?.doc ?? undefined;
}

/** In-flight requests to the server, per extension page, as the browser reports them. */
function watchRequests(launched: Launched): Map<Page, number> {
  const inFlight = new Map<Page, number>();
  const isServer = (url: string) => url.startsWith(counter.url);
  const add = (page: Page | null, delta: number) => {
    if (page) inFlight.set(page, Math.max(0, (inFlight.get(page) ?? 0) + delta));
  };
  const pageOf = (request: { frame(): { page(): Page } }) => {
    try {
      return request.frame().page();
    } catch {
      return null; // The service worker's requests have no page.
    }
  };
  launched.context.on('request', (request) => isServer(request.url()) && add(pageOf(request), 1));
  launched.context.on('requestfinished', (request) => isServer(request.url()) && add(pageOf(request), -1));
  launched.context.on('requestfailed', (request) => isServer(request.url()) && add(pageOf(request), -1));
  return inFlight;
}

/** A teammate publishes an item of their own, straight to the server. */
async function bobPublishes(resourceId: string, title: string, now: number) {
  const answer = await fetch(`${couch.url}/team-learning/shared%2Fbob%2F${resourceId}`, {
    method: 'PUT',
    headers: {
      Authorization: `Basic ${Buffer.from('bob:bob-pw').toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      type: 'shared',
      author: 'bob',
      resourceId,
      kind: 'article',
      url: `https://blog.example.org/${resourceId}`,
      title,
      sharedAt: now,
      publishedAt: now,
    }),
  });
  expect(answer.status).toBe(201);
}

describe('three library pages and the popup of one profile, one plain-http server', () => {
  it('a publish from one page reaches the server, a teammate’s item reaches every page, and one page closing hands the live replication on', async () => {
    ext = await launch();
    const launched = ext;
    await launched.context.route(/^http:\/\/127\.0\.0\.1:\d+\/(?!.*\.html)/, (route) =>
      new URL(route.request().url()).port === new URL(counter.url).port ? route.continue() : route.fallback(),
    );
    const inFlight = watchRequests(launched);
    const first = await launched.context.newPage();
    await first.goto(extensionUrl(launched, 'library.html#settings/sync'));
    await first.getByLabel('Server address').fill(counter.url);
    await first.getByLabel('User name').fill('alice');
    await first.getByLabel('Password').fill('alice-pw');
    await first.getByLabel('Team database (optional)').fill('team-learning');
    await first.getByRole('button', { name: 'Connect' }).click();
    await first.getByText(/^Last synced/).waitFor({ timeout: 30_000 });
    const now = Date.now();
    await putRecords(first, 'resources', [learned('talk-1', 'Small batches win', now)]);

    // Three library pages (the team space, twice the list) and the popup.
    await first.goto(extensionUrl(launched, 'library.html#team'));
    const pages = [first];
    for (let i = 0; i < 2; i++) {
      const page = await launched.context.newPage();
      await page.goto(extensionUrl(launched, 'library.html#team'));
      pages.push(page);
    }
    await serve(launched.context, ARS, articleFixture('ars-1'));
    const tab = await launched.context.newPage();
    await tab.goto(ARS);
    const popup = await openPopup(launched, await tabIdFor(launched, ARS));
    for (const page of pages) await page.getByRole('heading', { name: 'From the team' }).waitFor();
    // Every page has started its sync: the first passes are over once the status says so again.
    await expect.poll(() => counter.longPolls, { timeout: 30_000 }).toBeGreaterThan(0);
    counter.reset();

    const report = () =>
      console.log(
        `at the server: at most ${counter.maxSockets} sockets, ${counter.maxInFlight} requests in flight, ` +
          `${counter.maxLongPolls} long polls (now ${counter.sockets}, ${counter.inFlight}, ${counter.longPolls}); ` +
          `in flight per library page ${JSON.stringify(pages.map((page) => inFlight.get(page) ?? 0))}, ` +
          `popup ${inFlight.get(popup) ?? 0}`,
      );
    report();
    // Publish from the first page.
    await first.getByRole('checkbox', { name: 'Small batches win' }).check();
    await first.getByRole('button', { name: 'Mark shared' }).click();
    await first.getByText('Also publish to the team space?').waitFor();
    await first.getByRole('button', { name: 'Publish', exact: true }).click();
    await first.getByRole('status').filter({ hasText: 'Published to the team space.' }).waitFor().finally(report);
    await expect.poll(() => serverDoc('team-learning', 'shared/alice/talk-1'), { timeout: 30_000 }).toBeDefined();

    // A teammate publishes: every open library page shows it without a reload.
    await bobPublishes('post-1', 'Bob’s pick of the week', now);
    for (const page of pages)
      await page
        .getByRole('region', { name: 'From the team' })
        .getByText('Bob’s pick of the week')
        .waitFor({ timeout: 30_000 });
    report();
    expect(counter.maxLongPolls).toBeLessThanOrEqual(2);

    // The page that led closes: another takes over, and the next item still reaches the others.
    await first.close();
    await bobPublishes('post-2', 'Bob’s second pick', now);
    for (const page of pages.slice(1))
      await page
        .getByRole('region', { name: 'From the team' })
        .getByText('Bob’s second pick')
        .waitFor({ timeout: 30_000 });
    report();
    // One live replication for the profile: its long polls (the library's and the team's) and
    // room besides them, well under Chromium's six.
    expect(counter.maxLongPolls).toBeLessThanOrEqual(2);
  }, 180_000);
});
