/** The background in the browser: what a stopped worker loads when woken, and the code that wake runs. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT } from './options.mjs';
import { launch, sleep, tabId } from './browser.mjs';
import { BACKGROUND_DEFINE, gz } from './bundle.mjs';

/** What the live service worker has run this life (the loader's list), or null while none answers. */
async function workerRan(context) {
  // A stopped worker may still be listed and never answers: ask each, briefly.
  const answers = await Promise.all(
    context
      .serviceWorkers()
      .map((worker) =>
        Promise.race([
          worker.evaluate((name) => self[name]?.ran?.() ?? null, BACKGROUND_DEFINE),
          sleep(1000).then(() => null),
        ]).catch(() => null),
      ),
  );
  return answers.find((answer) => answer !== null) ?? null;
}

/**
 * What a woken worker has loaded (`readLoaded`: the loader's `ran()` list) once `reacted` holds and
 * nothing more has loaded for a second; after 20 s, whatever it last said.
 */
async function settledLoads(readLoaded, reacted = () => true) {
  const end = performance.now() + 20_000;
  let loaded = null;
  let steadySince = performance.now();
  while (performance.now() < end) {
    const now = await readLoaded();
    if (!now || now.length !== loaded?.length || !reacted(now)) steadySince = performance.now();
    else if (performance.now() - steadySince >= 1000) return now;
    loaded = now;
    await sleep(100);
  }
  return loaded;
}

/**
 * The commonest wake: the worker stopped (as the browser stops it after 30 s idle), then the
 * popup saves a page and tells it. Counted from what the worker ran, once it has reacted and
 * nothing more loads for a second.
 */
export async function measureWake(b, extDir) {
  const url = 'https://blog.example.org/2025/07/what-a-stopped-worker-loads';
  const tab = await b.context.newPage();
  await tab.goto(url);
  const id = await tabId(b.control, url);
  if ((await workerRan(b.context)) === null) return { na: 'the background is not split (no loader list)' };
  const cdp = await b.context.newCDPSession(b.control);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  const popup = await b.context.newPage();
  await popup.goto(b.url(`popup.html?tab=${id}`));
  const button = popup.getByRole('button', { name: 'Save this page' });
  await popup.waitForFunction(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Save this page' && !b.disabled),
  );
  await button.click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const ran = await settledLoads(
    () => workerRan(b.context),
    (loaded) => loaded.some((u) => u.includes('changes-feature')),
  );
  await popup.close();
  await tab.close();
  if (!ran?.some((u) => u.includes('changes-feature'))) throw new Error('the woken worker never reacted to the save');
  const files = ran.map((u) => new URL(u).pathname.slice(1));
  return { kB: files.reduce((n, f) => n + gz(extDir, f), 0) / 1000, files };
}

/**
 * Prepended to a copy of the background (measureWakeCoverage): the entry's define() call, the first
 * in every life of the worker, waits for `self.__start()`; every other passes through.
 */
const DEFERRED_ENTRY = `(()=>{let real,wrapper,entry=true;Object.defineProperty(self,${JSON.stringify(BACKGROUND_DEFINE)},{configurable:true,get:()=>wrapper,set(fn){real=fn;wrapper=(deps,factory)=>{if(entry){entry=false;self.__start=()=>real(deps,factory);return}return real(deps,factory)};wrapper.ran=fn.ran;wrapper.install=fn.install}})})();\n`;
const MENU_SAVE_QUOTE = readFileSync(join(ROOT, 'lib/background/names.ts'), 'utf8').match(
  /MENU_SAVE_QUOTE = '([^']+)'/,
)?.[1];

/**
 * The heaviest wake, measured: a quote from the page's menu in a worker the browser had stopped,
 * with the reactions its write sets off (snapshot and sync checks); and under it, the code that
 * wake runs, from V8's block coverage: each loaded file cut to what ran (the branches no call
 * reached left out) and gzipped as the files are, then as one file. No build of this code can load
 * less for this event. The profiler must start before the worker's first module runs, and a
 * stopped worker cannot be held at its start from a second session: so this runs on a copy whose
 * entry waits for `self.__start()` (DEFERRED_ENTRY, not counted), in its own browser.
 */
export async function measureWakeCoverage(extDir) {
  const original = readFileSync(join(extDir, 'background.js'), 'utf8');
  if (!original.includes(`${BACKGROUND_DEFINE}(`)) return { na: 'the background is not split (no loader)' };
  if (!MENU_SAVE_QUOTE) throw new Error('no MENU_SAVE_QUOTE in lib/background/names.ts');
  const copy = mkdtempSync(join(os.tmpdir(), 'learning-loop-bench-coverage-'));
  cpSync(extDir, copy, { recursive: true });
  writeFileSync(join(copy, 'background.js'), DEFERRED_ENTRY + original);
  const b = await launch(copy, null, { debugPort: true, deferredEntry: true });
  let browser = null;
  try {
    // A user's database exists before the wake, with something in it.
    await b.control.evaluate(() => globalThis.bench.seed(1));
    const url = 'https://blog.example.org/2025/08/a-quote-from-the-menu';
    const tab = await b.context.newPage();
    await tab.goto(url);
    const exact = await tab.evaluate(() => {
      const text = document.querySelector('h2 + p').firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, text.data.indexOf('.') + 1);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return range.toString();
    });
    const id = await tabId(b.control, url);
    const port = readFileSync(join(b.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const session = await browser.newBrowserCDPSession();
    const serviceWorkers = async () =>
      (await session.send('Target.getTargets')).targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(b.url('')),
      );
    const pageSession = await b.context.newCDPSession(b.control);
    await pageSession.send('ServiceWorker.enable');
    await pageSession.send('ServiceWorker.stopAllWorkers');
    await until(async () => (await serviceWorkers()).length === 0, 'the worker never stopped');
    // Started as the browser starts it for an event; the menu's event is then dispatched in it.
    await pageSession.send('ServiceWorker.startWorker', { scopeURL: b.url('') });
    const target = await until(async () => (await serviceWorkers())[0], 'the worker never started');
    const worker = await workerSession(session, target.targetId);
    await worker.call('Profiler.enable');
    await worker.call('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    const info = { menuItemId: MENU_SAVE_QUOTE, selectionText: exact, pageUrl: url, frameId: 0, editable: false };
    await worker.evaluate(
      `(async () => { self.__start(); chrome.contextMenus.onClicked.dispatch(${JSON.stringify(info)}, await chrome.tabs.get(${id})); })()`,
    );
    await until(
      () =>
        b.control.evaluate(
          ({ url, exact }) =>
            new Promise((resolve) => {
              // Looked at as it is, never created or upgraded from here.
              const open = indexedDB.open('learning-loop');
              open.onupgradeneeded = () => open.transaction.abort();
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const get = open.result.transaction('resources').objectStore('resources').getAll();
                get.onerror = () => resolve(false);
                get.onsuccess = () => {
                  open.result.close();
                  resolve(get.result.some((r) => r.url === url && JSON.stringify(r).includes(exact)));
                };
              };
            }),
          { url, exact },
        ),
      'the quote was never stored',
    );
    // Its reactions done.
    const ran = await settledLoads(() => worker.evaluate(`self.${BACKGROUND_DEFINE}.ran()`));
    const { result } = await worker.call('Profiler.takePreciseCoverage');
    const origin = b.url('');
    const files = [];
    for (const script of result) {
      if (!script.url.startsWith(origin)) continue;
      const file = script.url.slice(origin.length);
      const text = readFileSync(join(copy, file), 'utf8');
      const from = file === 'background.js' ? DEFERRED_ENTRY.length : 0;
      files.push({ file, loaded: text.slice(from), ran: ranText(script.functions, text, from) });
    }
    const missing = ran.map((u) => u.slice(origin.length)).filter((f) => !files.some((x) => x.file === f));
    if (missing.length) throw new Error(`coverage lists no script for ${missing.join(', ')}`);
    if (!files.some((f) => f.file.includes('quote-feature')))
      throw new Error('the wake never loaded the quote feature');
    const gzText = (text) => gzipSync(text, { level: 9 }).length / 1000;
    return {
      loadedKB: files.reduce((n, f) => n + gzText(f.loaded), 0),
      ranKB: files.reduce((n, f) => n + gzText(f.ran), 0),
      ranOneFileKB: gzText(files.map((f) => f.ran).join('\n')),
      files: files.map((f) => f.file),
      // Which files the floor is made of: each one's gzip loaded and run, kB.
      byFile: Object.fromEntries(files.map((f) => [f.file, [gzText(f.loaded), gzText(f.ran)]])),
    };
  } finally {
    await browser?.close().catch(() => {});
    await b.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * The text of a script that ran, from V8's block coverage: ranges nest (a function, then its
 * blocks), so painting them outermost first leaves each character its innermost count.
 */
function ranText(functions, text, from) {
  const counts = new Int32Array(text.length);
  const ranges = functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const range of ranges) counts.fill(range.count, range.startOffset, Math.min(range.endOffset, text.length));
  let out = '';
  for (let i = from; i < text.length; i++) if (counts[i] > 0) out += text[i];
  return out;
}

/** A service worker's own DevTools session, through the browser's (one that never pauses it). */
async function workerSession(browserSession, targetId) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in 15 s`)), 15_000);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result);
      });
      browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await call('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  return { call, evaluate };
}

/** Polls `check` until it gives something truthy (10 s at most). */
async function until(check, failure) {
  const end = performance.now() + 10_000;
  while (performance.now() < end) {
    const value = await check();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(failure);
}
