/** The team space: a teammate's items at the team's caps, and how the Team page shows them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RUNS, WARMUP } from './options.mjs';
import { stats } from './report.mjs';
import { launch, settle, timedLoad } from './browser.mjs';

const ITEMS = 12;
const TEAM = 'team-bench';

/**
 * One item at every cap of lib/team/caps.json: the most takeaways, quotes and clips, and text up
 * to the character cap exactly (Japanese, three bytes a character, so the document is near its byte cap too), clips inside the video.
 */
function itemAtCaps(caps, n, now) {
  const words = 'チームは毎日少しずつ学ぶ。小さな一歩は大きな計画に勝つ。';
  const item = {
    _id: `shared/bob/cap-${n}`,
    type: 'shared',
    author: 'bob',
    resourceId: `cap-${n}`,
    kind: 'video',
    title: `Item ${n} at the caps`,
    url: `https://www.youtube.com/watch?v=capitem${String(n).padStart(4, '0')}`,
    site: 'YouTube',
    durationSec: 3 * 3600,
    sharedAt: now - n * 60_000,
    publishedAt: now - n * 60_000,
    takeaways: [],
    quotes: [],
    clips: [],
  };
  // Every text the item carries, as lib/team/bounds.ts counts it (values, not keys).
  const chars = (value) =>
    typeof value === 'string'
      ? value.length
      : typeof value === 'object' && value !== null
        ? Object.values(value).reduce((sum, inner) => sum + chars(inner), 0)
        : 0;
  const lists = caps.takeaways + caps.quotes + caps.clips;
  const per = Math.floor((caps.textChars - chars(item)) / lists);
  const text = (i) => `${i}: ${words.repeat(Math.ceil(per / words.length))}`.slice(0, per);
  for (let i = 0; i < caps.takeaways; i++) item.takeaways.push(text(i));
  for (let i = 0; i < caps.quotes; i++) item.quotes.push({ exact: text(i) });
  for (let i = 0; i < caps.clips; i++) item.clips.push({ atSec: i * 120, endSec: i * 120 + 30, note: text(i) });
  // The last few characters up to the cap, on the first takeaway.
  item.takeaways[0] += 'x'.repeat(caps.textChars - chars(item));
  return item;
}

async function put(server, auth, doc) {
  const response = await fetch(`${server}/${TEAM}/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  if (response.status !== 201) throw new Error(`the server refused an item at the caps: ${response.status}`);
}

/**
 * pouchdb-server (npm) on 127.0.0.1 with a team of two; bob publishes 12 items at the caps
 * through the server's API (its rules take them: they are at the caps, not over); alice's fresh
 * profile connects in Settings → Sync and team (her first sync brings them in); then the Team
 * page is opened again and again: navigation to the first teammate's item in the DOM, and the
 * longest task from navigation until the page has not changed for 500 ms.
 */
export async function measureTeam(extDir) {
  const caps = JSON.parse(readFileSync(join(ROOT, 'lib/team/caps.json'), 'utf8'));
  const { startCouchServer } = await import('../../scripts/couch-server.mjs');
  const { createUser, setUpTeam } = await import('../../scripts/team-setup.mjs');
  const server = await startCouchServer();
  const b = await launch(extDir);
  try {
    await createUser(server.url, server.admin, 'alice', 'alice-pw');
    await createUser(server.url, server.admin, 'bob', 'bob-pw');
    await setUpTeam(server.url, server.admin, TEAM, ['alice', 'bob']);
    const now = Date.now();
    let bytes = 0;
    for (let n = 0; n < ITEMS; n++) {
      const item = itemAtCaps(caps, n, now);
      bytes += Buffer.byteLength(JSON.stringify(item));
      await put(server.url, 'bob:bob-pw', item);
    }
    await b.context.route(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/`), (route) => route.continue());
    const settings = await b.context.newPage();
    await settings.goto(b.url('library.html#settings/sync'));
    await settings.getByLabel('Server address').fill(server.url);
    await settings.getByLabel('User name').fill('alice');
    await settings.getByLabel('Password').fill('alice-pw');
    await settings.getByLabel('Team database (optional)').fill(TEAM);
    await settings.getByRole('button', { name: 'Connect' }).click();
    await settings.getByText(/^Last synced/).waitFor({ timeout: 120_000 });
    await settings.close();
    const shown = [];
    const blocked = [];
    let nodes = 0;
    let drawn = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { page, ready } = await timedLoad(b.context, b.url('library.html#team'), {
        selector: '.team-from-item',
        longTasks: true,
      });
      if (ready === null) {
        await page.close();
        return { na: 'no teammate item on the Team page within 60 s' };
      }
      await settle(page, 500);
      const longest = await page.evaluate(() => window.__bench.longestTask);
      nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      drawn = await page.evaluate(() => document.querySelectorAll('.team-from-item').length);
      await page.close();
      if (i >= WARMUP) {
        shown.push(ready);
        blocked.push(longest);
      }
    }
    return { shown: stats(shown), blocked: stats(blocked), nodes, drawn, items: ITEMS, kB: Math.round(bytes / 1000) };
  } finally {
    await b.close();
    await server.stop();
  }
}
