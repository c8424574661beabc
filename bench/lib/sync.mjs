/** Sync through pouchdb-server: the first full sync up and down, and a note's round trip between two profiles. */
import { MEDIUM, RUNS, WARMUP } from './options.mjs';
import { stats } from './report.mjs';
import { launch, sleep } from './browser.mjs';
import { seed } from './data.mjs';

// ---------------------------------------------------------------------------------- sync

/** pouchdb-server from npm, in memory, on 127.0.0.1 (as the e2e harness runs it). */
async function startSyncServer() {
  const { startCouchServer } = await import('../../scripts/couch-server.mjs');
  const { createUser } = await import('../../scripts/team-setup.mjs');
  const server = await startCouchServer();
  await createUser(server.url, server.admin, 'bench', 'bench-pw');
  return server;
}

/** Settings → Sync and team → Connect, timed from the click to "Last synced" (the first full sync). */
async function connectTimed(b, server) {
  await b.context.route(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/`), (route) => route.continue());
  const page = await b.context.newPage();
  await page.goto(b.url('library.html#settings/sync'));
  await page.getByRole('heading', { name: 'Sync and team' }).waitFor();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('User name').fill('bench');
  await page.getByLabel('Password').fill('bench-pw');
  const start = performance.now();
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(/^Last synced/).waitFor({ timeout: 600_000 });
  return { page, ms: performance.now() - start };
}

const countResources = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('learning-loop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('resources').objectStore('resources').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );

/**
 * The first full sync of MEDIUM resources from one profile to the server, then into a second
 * profile of the same user, and the round trip of one note typed on the first while the second
 * shows its library (live replication).
 */
export async function measureSync(extDir) {
  const server = await startSyncServer();
  const first = await launch(extDir);
  const second = await launch(extDir);
  try {
    await seed(first, MEDIUM);
    await sleep(2000);
    const up = await connectTimed(first, server);
    const down = await connectTimed(second, server);
    const received = await countResources(down.page);
    // The round trip: a note typed on the first profile, until the second has stored it.
    const id = await up.page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('learning-loop');
          open.onsuccess = () => {
            const c = open.result.transaction('resources').objectStore('resources').openCursor();
            c.onsuccess = () => resolve(c.result?.value.id ?? null);
          };
        }),
    );
    const editor = up.page;
    await editor.goto(first.url(`library.html#resource/${encodeURIComponent(id)}`));
    const notes = editor.getByLabel('Notes', { exact: true });
    await notes.waitFor();
    const viewer = down.page;
    await viewer.goto(second.url('library.html#resources'));
    await viewer.locator('.res-count').waitFor();
    const trips = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const word = `round-trip-${i}-${Date.now()}`;
      await notes.fill(word);
      const start = performance.now();
      // Read the second profile's record from Node every 20 ms (an evaluate per look, so what
      // is timed is the record stored there, not a promise taken for a truthy answer).
      for (;;) {
        const stored = await viewer.evaluate(
          (recordId) =>
            new Promise((resolve) => {
              const open = indexedDB.open('learning-loop');
              open.onsuccess = () => {
                const request = open.result.transaction('resources').objectStore('resources').get(recordId);
                request.onsuccess = () => {
                  open.result.close();
                  resolve(request.result?.notes ?? null);
                };
              };
            }),
          id,
        );
        if (stored === word) break;
        if (performance.now() - start > 120_000) throw new Error('the note did not arrive in 2 minutes');
        await sleep(20);
      }
      if (i >= WARMUP) trips.push(performance.now() - start);
    }
    return { upMs: up.ms, downMs: down.ms, received, trips: stats(trips) };
  } finally {
    await first.close();
    await second.close();
    await server.stop();
  }
}
