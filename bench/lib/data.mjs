/** The data: seeding a profile, export and import (through the UI and through lib/backup), their floors, snapshots. */
import { readFileSync } from 'node:fs';
import { fmtN, RUNS, WARMUP } from './options.mjs';
import { log, ratioStats, stats } from './report.mjs';
import { settle, sleep, timedLoad } from './browser.mjs';

async function openSettings(b) {
  const { page } = await timedLoad(b.context, b.url('library.html#settings'), { selector: 'main' });
  await settle(page, 300);
  return page;
}

/** Status texts of the settings page (what a user reads after import or export). */
const statusTexts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role=status], [role=alert], [aria-live], output')]
      .map((el) => el.textContent.trim())
      .filter(Boolean),
  );

export async function measureExport(b) {
  const samples = [];
  let file = null;
  let lastPage = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const page = await openSettings(b);
    lastPage = page;
    const button = page.getByRole('button', { name: 'Export', exact: true });
    if (!(await button.count())) {
      await page.close();
      return { na: 'no "Export" button at library.html#settings' };
    }
    await page.evaluate(() => {
      window.__clickAt = new Promise((r) =>
        document.addEventListener('click', (e) => r(e.timeStamp), { capture: true, once: true }),
      );
    });
    const downloaded = page.waitForEvent('download', { timeout: 30_000 });
    const nodeStart = performance.now();
    await button.click();
    const download = await downloaded;
    const nodeMs = performance.now() - nodeStart;
    const t0 = await page.evaluate(() => window.__clickAt);
    const { blobAt, downloadClickAt } = await page.evaluate(() => ({
      blobAt: window.__bench.blobAt ?? null,
      downloadClickAt: window.__bench.downloadClickAt ?? null,
    }));
    const end = downloadClickAt ?? blobAt;
    const ms = end !== null && end >= t0 ? end - t0 : nodeMs;
    if (i === 0) file = readFileSync(await download.path());
    await download.delete().catch(() => {});
    if (i >= WARMUP) samples.push(ms);
    if (i < WARMUP + RUNS - 1) await page.close();
    await sleep(200);
  }
  const status = await statusTexts(lastPage);
  await lastPage.close();
  return { ...stats(samples), file, status };
}

/**
 * `withFloor`: after each import, the same records put raw in one transaction (rawPuts) in the
 * same browser, so each import has its floor beside it and the ratio is taken run by run (a
 * run of 7 imports, then 7 floors, put minutes of machine load drift between the two).
 */
export async function measureImport(
  b,
  file,
  expected,
  {
    withFloor = false,
    name = 'learning-loop-export.json',
    mimeType = 'application/json',
    button = /^merge/i,
    floorOf = 'rawPuts',
  } = {},
) {
  const samples = [];
  const statuses = [];
  const floors = [];
  const text = withFloor ? file.toString('utf8') : null;
  let floorRecords = 0;
  let stored = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await b.control.evaluate(() => globalThis.bench.clearAll());
    const page = await openSettings(b);
    const input = page.locator('input[type=file]');
    const named = page.getByLabel('Import', { exact: false }).and(page.locator('input[type=file]'));
    const target = (await named.count()) ? named.first() : null;
    if (!target) {
      const unnamed = await input.count();
      await page.close();
      return {
        na: `no file input named "Import" at library.html#settings${unnamed ? ' (there is an unnamed one)' : ''}`,
      };
    }
    const before = await statusTexts(page);
    // Every update of the import's own status (its progress, then its result), in the page's
    // clock: the last one is "done". The rest of the page (the storage line beside it refreshes
    // about a second after a large write) is not the import's answer.
    await page.evaluate(() => {
      window.__bench.statusAt = [];
      const inImportStatus = (node) =>
        (node.nodeType === 3 ? node.parentElement : node)?.closest?.('.backup-progress, .backup-result, [role=alert]');
      new MutationObserver((records) => {
        if (records.some((r) => inImportStatus(r.target) || [...r.addedNodes].some((n) => inImportStatus(n))))
          window.__bench.statusAt.push(performance.now());
        window.__bench.previewAt ??= document.querySelector('.backup-preview') ? performance.now() : undefined;
      }).observe(document.querySelector('main') ?? document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await target.setInputFiles({ name, mimeType, buffer: file });
    // Every import asks first (its preview, a dry run): Merge, never replace. The time the preview
    // waits for the click is the user's, not the import's: it is left out below.
    const merge = page.getByRole('button', { name: button });
    const asked = await merge.waitFor({ timeout: 90_000 }).then(
      () => true,
      () => false,
    );
    if (asked) {
      await page.evaluate(() =>
        document.addEventListener('click', (e) => (window.__bench.clickAt = e.timeStamp), {
          capture: true,
          once: true,
        }),
      );
      await merge.click();
    }
    const deadline = Date.now() + 90_000;
    let count = 0;
    while (asked && Date.now() < deadline) {
      await sleep(250);
      count = await b.control.evaluate(() => globalThis.bench.counts().then((c) => c.resources));
      if (count >= expected) break;
    }
    if (count < expected) {
      const status = await statusTexts(page);
      await page.close();
      return {
        na: `import stored ${count} of ${expected} resources within 90 s (page says: ${status.join(' | ') || 'nothing'})`,
      };
    }
    await settle(page, 800);
    const { changeAt, statusAt, previewAt, clickAt } = await page.evaluate(() => ({
      changeAt: window.__bench.changeAt ?? null,
      statusAt: window.__bench.statusAt,
      previewAt: window.__bench.previewAt ?? null,
      clickAt: window.__bench.clickAt ?? null,
    }));
    const after = await statusTexts(page);
    statuses.push(after.filter((s) => !before.includes(s)).join(' | '));
    const end = statusAt.length ? statusAt[statusAt.length - 1] : null;
    if (changeAt === null || end === null || previewAt === null || clickAt === null) {
      await page.close();
      return { na: 'could not time the import (no change event, preview, click or page update)' };
    }
    if (i >= WARMUP) samples.push(previewAt - changeAt + (end - clickAt));
    await page.close();
    await sleep(200);
    if (text) {
      stored = await b.control.evaluate(() => globalThis.bench.counts());
      const floor = await b.control.evaluate(([fn, t]) => globalThis.bench[fn](t), [floorOf, text]);
      if (i >= WARMUP) floors.push(floor.ms);
      floorRecords = floor.records;
      await sleep(100);
    }
  }
  const floor = floors.length ? { ...stats(floors), records: floorRecords, stored } : null;
  return {
    ...stats(samples),
    status: statuses.at(-1),
    floor,
    ...(floor ? { vsFloor: ratioStats(samples, floors) } : {}),
  };
}

/** Floors measured in the seeding page, run for run like the figures they are compared with. */
export async function measureRawReads(b) {
  const all = [];
  const resources = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const res = await b.control.evaluate(() => globalThis.bench.rawReads());
    if (i >= WARMUP) {
      all.push(res.ms);
      resources.push(res.resourcesMs);
    }
    await sleep(100);
  }
  return { all: stats(all), resources: stats(resources) };
}

/** Export through lib/backup alone (no UI), in the control page: the data layer's share. */
export async function measureLibExport(b) {
  const samples = [];
  let text = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const res = await b.control.evaluate(() => globalThis.bench.libExport());
    if (res.na) return res;
    if (i >= WARMUP) samples.push(res.ms);
    await sleep(100);
  }
  // The file itself, for the import figures when there is no Export button to take it from.
  text = (await b.control.evaluate(() => globalThis.bench.libExport(true))).text ?? null;
  return { ...stats(samples), text };
}

/** Import through lib/backup alone (no UI), into an emptied database each run. */
export async function measureLibImport(b, file, expected) {
  const samples = [];
  const text = file.toString('utf8');
  let phases = null;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const res = await b.control.evaluate((t) => globalThis.bench.libImport(t), text);
    if (res.na) return res;
    if (res.counts.resources < expected)
      return { na: `lib/backup stored ${res.counts.resources} of ${expected} resources` };
    if (i >= WARMUP) samples.push(res.ms);
    phases = res.phases;
    await sleep(100);
  }
  await b.control.evaluate(() => globalThis.bench.clearAll());
  return { ...stats(samples), phases };
}

/** The automatic snapshot in the control page: a full one, then one after a single changed note. */
export async function measureSnapshot(b) {
  const out = {};
  for (const kind of ['full', 'change']) {
    const samples = [];
    let bytes = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const res = await b.control.evaluate((k) => globalThis.bench.snapshot(k), kind);
      if (!res.written) return { na: `the ${kind} snapshot wrote nothing` };
      if (process.env.SNAP_DEBUG) console.log(kind, Math.round(res.ms), JSON.stringify(res.t));
      if (i >= WARMUP) samples.push(res.ms);
      bytes = res.bytes;
      await sleep(100);
    }
    out[kind] = { ...stats(samples), bytes };
  }
  return out;
}

export async function seed(b, n) {
  if (!n) return { ms: 0 };
  const res = await b.control.evaluate((count) => globalThis.bench.seed(count), n);
  log(
    `seeded ${fmtN(n)} resources (+ ${fmtN(res.counts.reflections)} reflections, ${fmtN(res.counts.actions)} actions) in ${(res.ms / 1000).toFixed(1)} s`,
  );
  return res;
}
