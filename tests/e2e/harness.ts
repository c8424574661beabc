/// <reference types="chrome" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** WXT_OUT_DIR lets parallel work build and test its own copy. */
// (`wxt build --mode e2e` writes to chrome-mv3-e2e: accept either, the newer one.)
export const EXTENSION_DIR = (() => {
  const base = join(ROOT, process.env.WXT_OUT_DIR ?? '.output-e2e');
  const candidates = ['chrome-mv3', 'chrome-mv3-e2e']
    .map((d) => join(base, d))
    .filter((d) => existsSync(join(d, 'manifest.json')));
  candidates.sort((a, b) => statSync(join(b, 'manifest.json')).mtimeMs - statSync(join(a, 'manifest.json')).mtimeMs);
  return candidates[0] ?? join(base, 'chrome-mv3');
})();
export const ARTICLE_FIXTURES = resolve(ROOT, 'tests/fixtures/articles');

export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install Debian's chromium or set CHROME_PATH`);
  return path;
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  worker: Worker;
  close: (keepProfile?: boolean) => Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test a relaunch). */
  userDataDir?: string;
  lang?: string;
  colorScheme?: 'light' | 'dark';
}

export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the e2e copy first: npm run build:e2e');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'learning-loop-e2e-'));
  const firstRun = !existsSync(join(userDataDir, 'Default'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.lang ?? 'en-GB',
    viewport: { width: 1280, height: 860 },
    // On Linux, Chromium takes its UI language (and so the extension's) from the environment.
    ...(options.lang
      ? { env: { ...process.env, LANGUAGE: options.lang.replace('-', '_'), LC_ALL: '', LANG: '' } }
      : {}),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  // Nothing may leave the machine: every request not routed by a test is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (firstRun) await welcomeOpened(context);
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    close: async (keepProfile = false) => {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A first install opens the welcome tab (an active tab the extension creates). Opened after a
 * test's own page, it lands in that page's window and puts the page in the background, where
 * Chromium runs animation frames about once a second, so every Playwright action there waits
 * about 2 s for its element to be stable. Pages a test opens after it get windows of their own.
 */
async function welcomeOpened(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!context.pages().some((page) => page.url().endsWith('library.html#welcome')) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Serve `body` at every URL matching `pattern` (routes added later win over the catch-all). */
export async function serve(
  context: BrowserContext,
  pattern: string | RegExp,
  body: string,
  contentType = 'text/html; charset=utf-8',
): Promise<void> {
  await context.route(pattern, (route) => route.fulfill({ status: 200, contentType, body }));
}

export function articleFixture(name: string): string {
  return readFileSync(join(ARTICLE_FIXTURES, name, 'source.html'), 'utf8');
}

export function expectedMetadata(name: string): {
  title: string;
  byline?: string;
  excerpt?: string;
  siteName?: string;
} {
  return JSON.parse(readFileSync(join(ARTICLE_FIXTURES, name, 'expected-metadata.json'), 'utf8')) as { title: string };
}

export function extensionUrl(launched: Launched, path: string): string {
  return `chrome-extension://${launched.extensionId}/${path.replace(/^\//, '')}`;
}

/** The id of the tab showing `url`, as the extension sees it (host permissions of the e2e copy). */
export async function tabIdFor(launched: Launched, url: string): Promise<number> {
  const worker = await currentWorker(launched);
  const id = await worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab with ${url}`);
  return id;
}

/** Open a tab through the extension (works for chrome:// pages the e2e copy cannot see). */
/** Opens a background tab and waits until it has loaded (a loading tab cannot be captured yet). */
export async function openTab(launched: Launched, url: string): Promise<number> {
  const worker = await currentWorker(launched);
  return worker.evaluate(async (wanted) => {
    const tab = await chrome.tabs.create({ url: wanted, active: false });
    for (let i = 0; i < 200; i++) {
      if ((await chrome.tabs.get(tab.id!)).status === 'complete') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return tab.id!;
  }, url);
}

/** The service worker may have been stopped and restarted: find the live one. */
export async function currentWorker(launched: Launched): Promise<Worker> {
  const live = launched.context.serviceWorkers().filter((w) => w.url().includes(launched.extensionId));
  if (live.length) return live[live.length - 1]!;
  // Waking the worker: opening an extension page that messages it is enough.
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, 'popup.html?tab=0'));
  const worker =
    launched.context.serviceWorkers().find((w) => w.url().includes(launched.extensionId)) ??
    (await launched.context.waitForEvent('serviceworker'));
  await page.close();
  return worker;
}

export async function openPopup(
  launched: Launched,
  tabId: number,
  init?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  if (init) await init(page);
  await page.goto(extensionUrl(launched, `popup.html?tab=${tabId}`));
  return page;
}

/** Every record of a store, read from an extension page the way the extension reads it. */
export async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (storeName) =>
      new Promise<T[]>((resolvePromise, reject) => {
        const open = indexedDB.open('learning-loop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => {
            db.close();
            resolvePromise(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** axe-core in the page; returns serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const source = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Put records straight into the extension's database, the way an earlier session would have left them. */
export async function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
  await page.evaluate(
    ([storeName, values]) =>
      new Promise<void>((resolvePromise, reject) => {
        const open = indexedDB.open('learning-loop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(storeName as string, 'readwrite');
          for (const value of values as unknown[]) tx.objectStore(storeName as string).put(value);
          tx.oncomplete = () => {
            db.close();
            resolvePromise();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, records] as const,
  );
}

/**
 * Prompts on today's weekday, `seconds` from now, in the browser's own time zone (the time of
 * day takes fractions of a minute, which the settings UI never writes but the schedule honours).
 * Written from an extension page as the settings panel writes it; the worker's storage watcher
 * and the `reschedule` message both re-plan the alarm.
 */
export async function promptDueIn(page: Page, seconds: number): Promise<number> {
  return page.evaluate(async (ahead) => {
    const now = Date.now();
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        hourCycle: 'h23',
        weekday: 'short',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
        .formatToParts(new Date(now))
        .map((p) => [p.type, p.value]),
    );
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
    const minutes =
      Number(parts.hour) * 60 + Number(parts.minute) + (Number(parts.second) + (now % 1000) / 1000 + ahead) / 60;
    const schedule = {
      enabled: true,
      days: [weekday],
      timeOfDay: minutes,
      quietHours: { enabled: false, start: 1320, end: 420 },
      snoozeMinutes: 60,
    };
    await chrome.storage.local.set({ promptSchedule: schedule });
    // As the application layer's saveSetting does: the change message re-plans the alarm.
    const change = { stores: [], ids: [], items: ['promptSchedule'] };
    await chrome.runtime
      .sendMessage({ id: 1, type: 'changed', data: change, timestamp: Date.now() })
      .catch(() => undefined);
    return now + ahead * 1000;
  }, seconds);
}

/**
 * Screenshots of what a feature shows, for a person to look at (never asserted): full-page PNGs
 * into `dir` when it is set (an environment variable names it), nothing otherwise.
 */
export function screenshotsInto(dir: string | undefined): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    await wholePageShot(page, `${dir}/${name}.png`);
  };
}

/**
 * A screenshot of the whole page as a window that tall shows it. Playwright's `fullPage` lays the
 * page out at the window's height and paints it at the page's: a page whose classic scrollbar made
 * it taller (narrower text wraps more) was captured with a band below its content where `100vh`
 * backgrounds, such as the library's sidebar, stopped. Growing the window until the height holds
 * lays it out the way it is painted.
 */
export async function wholePageShot(page: Page, path: string): Promise<void> {
  const original = page.viewportSize();
  if (!original) {
    await page.screenshot({ path, fullPage: true });
    return;
  }
  let height = original.height;
  let fits = false;
  for (let round = 0; round < 5 && !fits; round++) {
    const needed = await page.evaluate(() => document.documentElement.scrollHeight);
    fits = needed <= height;
    if (!fits) {
      height = needed;
      await page.setViewportSize({ width: original.width, height });
    }
  }
  // A page that grows with its window (padding below a 100vh box) never fits: capture it whole.
  await page.screenshot({ path, fullPage: !fits });
  if (height !== original.height) await page.setViewportSize(original);
}
