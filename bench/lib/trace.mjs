/** A Chrome trace of the popup's loads and its two floor pages: where their first milliseconds go. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { QUICK, WARMUP } from './options.mjs';
import { ratioStats, record, stats } from './report.mjs';
import { launch, timedLoad } from './browser.mjs';
import { POPUP_VIEWPORT, popupPages } from './popup.mjs';

/**
 * Where a page's first milliseconds go, from a Chrome trace (`Tracing` through a browser session):
 * the empty page, the one-script page and the popup, loaded in turn in a profile of one resource,
 * each timed from the request for its HTML. Any page painted by a script waits for that script's
 * file, which the browser process serves (the renderer sits idle meanwhile); the trace says how
 * long that round trip is, and how much of the popup's wait is its own code once the file is in.
 * Tracing slows every page a little, all alike: these are shares and gaps, not the timed figures.
 */
export async function measureLoadTrace(extDir) {
  const loads = QUICK ? 5 : 10;
  const b = await launch(extDir, null, { debugPort: true });
  let browser = null;
  try {
    await b.control.evaluate(() => globalThis.bench.seed(1));
    const port = readFileSync(join(b.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const session = await browser.newBrowserCDPSession();
    const events = [];
    session.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolveComplete) => session.once('Tracing.tracingComplete', resolveComplete));
    await session.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'] },
      transferMode: 'ReportEvents',
    });
    // The pages the popup's figures load, and the moments each of their loads must have in the trace.
    const { empty, floor, popup } = popupPages(b.articleTab);
    const script = ['scriptRequested', 'scriptArrived', 'ready', 'save'];
    const pages = {
      empty: { ...empty, moments: ['ready'] },
      floor: { ...floor, moments: script },
      popup: { ...popup, moments: [...script, 'captureStart'] },
    };
    for (let i = 0; i < WARMUP + loads; i++)
      for (const { path, probe } of Object.values(pages)) {
        const load = await timedLoad(b.context, b.url(path), probe, POPUP_VIEWPORT);
        if (load.ready === null) throw new Error(`${path} never became ready under the trace`);
        await load.page.waitForTimeout(150);
        await load.page.close();
      }
    await session.send('Tracing.end');
    await complete;
    return traceLoads(
      events,
      b.url(''),
      Object.values(pages).map((p) => ({ name: p.path.split('?')[0], moments: p.moments })),
      WARMUP,
    );
  } finally {
    await browser?.close().catch(() => {});
    await b.close();
  }
}

/**
 * Per page (by its HTML's name): each load's moments, ms from its HTML's request; warm-ups dropped.
 * A load missing a moment its page must have (`pages[].moments`) fails the measurement.
 */
function traceLoads(events, origin, pages, warmup) {
  const names = pages.map((p) => p.name);
  const data = (e) => (e.args && typeof e.args.data === 'object' && e.args.data) || {};
  const sorted = events.filter((e) => typeof e.ts === 'number').sort((a, b) => a.ts - b.ts);
  const requests = sorted.filter((e) => e.name === 'ResourceSendRequest' && data(e).url?.startsWith(origin));
  const arrived = new Map(
    sorted.filter((e) => e.name === 'ResourceReceiveResponse').map((e) => [data(e).requestId, e.ts]),
  );
  const starts = requests.filter((e) => names.some((n) => data(e).url.slice(origin.length).split('?')[0] === n));
  const out = Object.fromEntries(names.map((n) => [n, []]));
  for (const [i, start] of starts.entries()) {
    const name = data(start).url.slice(origin.length).split('?')[0];
    const end = starts[i + 1]?.ts ?? Infinity;
    const within = (e) => e.ts >= start.ts && e.ts < end;
    const ms = (ts) => (ts === undefined ? null : (ts - start.ts) / 1000);
    const script = requests.find((e) => within(e) && data(e).url.endsWith('.js'));
    const mark = (n) => sorted.find((e) => within(e) && e.name === n)?.ts;
    out[name].push({
      scriptRequested: ms(script?.ts),
      scriptArrived: ms(script ? arrived.get(data(script).requestId) : undefined),
      ready: ms(mark('bench:ready')),
      save: ms(mark('bench:save')),
      // The popup's own mark: its script starts reading the tab.
      captureStart: ms(mark('popup:capture-start')),
    });
  }
  for (const { name, moments } of pages) {
    if (out[name].length <= warmup) throw new Error(`the trace holds ${out[name].length} loads of ${name}`);
    out[name] = out[name].slice(warmup);
    const missing = moments.find((m) => out[name].some((load) => !Number.isFinite(load[m])));
    if (missing) throw new Error(`a traced load of ${name} has no ${missing}`);
  }
  return out;
}

/** measureLoadTrace's loads as figures: medians of each load's own gaps, never of a mix of loads. */
export function recordLoadTrace({ 'bench-empty.html': empty, 'bench-script-floor.html': floor, 'popup.html': popup }) {
  const fileTrip = (l) => l.scriptArrived - l.scriptRequested;
  record('trace.empty', 'trace: empty page, its HTML requested to shown', 'ms', stats(empty.map((l) => l.ready)));
  record(
    'trace.floor.file',
    'trace: one-script page, its script file requested to arrived (the browser serves it; the page waits)',
    'ms',
    stats(floor.map(fileTrip)),
  );
  record(
    'trace.floor.vsEmpty',
    "trace: one-script page's script arrived ÷ empty page shown (no script's work can start sooner)",
    '×',
    ratioStats(
      floor.map((l) => l.scriptArrived),
      empty.map((l) => l.ready),
    ),
  );
  record(
    'trace.floor.save',
    'trace: one-script page, its script arrived to Save shown (the tab read, the lookup)',
    'ms',
    stats(floor.map((l) => l.save - l.scriptArrived)),
  );
  record('trace.popup.file', 'trace: popup, its script file requested to arrived', 'ms', stats(popup.map(fileTrip)));
  record(
    'trace.popup.start',
    'trace: popup, its script arrived to reading its tab (the module graph compiled and run)',
    'ms',
    stats(popup.map((l) => l.captureStart - l.scriptArrived)),
  );
  record(
    'trace.popup.list',
    'trace: popup, its script arrived to its list shown (its own code: compile, run, render)',
    'ms',
    stats(popup.map((l) => l.ready - l.scriptArrived)),
  );
  record(
    'trace.popup.save',
    'trace: popup, its script arrived to Save this page usable (its code, the tab read, the lookup)',
    'ms',
    stats(popup.map((l) => l.save - l.scriptArrived)),
  );
  record(
    'trace.popup.waiting',
    "trace: popup, share of its list's time before its script arrived",
    '%',
    stats(popup.map((l) => (100 * l.scriptArrived) / l.ready)),
  );
}
