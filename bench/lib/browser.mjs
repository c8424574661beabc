/** Chromium with the extension loaded, the pages it is shown, and the in-page probe every timed load uses. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// ---------------------------------------------------------------------------------- browser

function chromePath() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install Debian's chromium or set CHROME_PATH`);
  return path;
}

/**
 * The e2e harness's launch (tests/e2e/harness.ts), with a fresh profile each time. `debugPort`
 * opens a DevTools port besides Playwright's pipe (a service worker's own session needs a browser
 * session); `deferredEntry` starts a copy whose background waits for `self.__start()`
 * (measureWakeCoverage), so no install opens a welcome tab.
 */
export async function launch(extDir, reuseProfile = null, { debugPort = false, deferredEntry = false } = {}) {
  const userDataDir = reuseProfile ?? mkdtempSync(join(os.tmpdir(), 'learning-loop-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false,
    colorScheme: 'light',
    locale: 'en-GB',
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      ...(debugPort ? ['--remote-debugging-port=0'] : []),
    ],
  });
  // Nothing leaves the machine: every request not routed below is refused (thumbnails too).
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  await context.route(/^https:\/\/blog\.example\.org\//, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: articleHtml(new URL(route.request().url())),
    }),
  );
  await context.route(/^https:\/\/www\.youtube\.com\/watch/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: watchHtml(new URL(route.request().url())),
    }),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = (path) => `chrome-extension://${extensionId}/${path}`;
  // The welcome tab a fresh install opens: a user reads and closes it; left open, it would
  // share the extension's renderer with every page measured.
  const isExtensionPage = (p) => p.url().startsWith(url(''));
  if (deferredEntry) await worker.evaluate(() => self.__start());
  else if (!context.pages().some(isExtensionPage))
    await context.waitForEvent('page', { predicate: isExtensionPage, timeout: 3000 }).catch(() => null);
  for (const page of context.pages()) if (isExtensionPage(page)) await page.close();
  // The control page: seeds, counts and finds tab ids. It sits idle while anything is measured.
  const control = await context.newPage();
  await control.goto(url('bench-seed.html'));
  await control.waitForFunction(() => globalThis.bench?.ready === true);
  // The page the popup is opened for, as a user would: an article in a tab.
  const article = await context.newPage();
  const articleUrl = 'https://blog.example.org/2025/05/what-we-learned-from-a-year-of-retrospectives';
  await article.goto(articleUrl);
  const articleTab = await tabId(control, articleUrl);
  return {
    context,
    control,
    url,
    articleTab,
    userDataDir,
    extensionId,
    close: async (keepProfile = false) => {
      await context.close().catch(() => {});
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function tabId(control, wanted) {
  return control.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, wanted);
}

/** A watch page shaped like YouTube's (player response, chapter markers, a <video> at a moment). */
function watchHtml(url) {
  const id = url.searchParams.get('v') ?? 'benchVideo0';
  const at = Number(url.searchParams.get('at') ?? 754);
  const player = {
    videoDetails: { videoId: id, title: `Bench talk ${id}`, author: 'Bench channel', lengthSeconds: '2537' },
  };
  const chapters = [
    ['Intro', 0],
    ['Shared vision', 600],
    ['Team learning', 1500],
  ].map(([title, s]) => ({ chapterRenderer: { title: { simpleText: title }, timeRangeStartMillis: s * 1000 } }));
  const data = {
    currentVideoEndpoint: { watchEndpoint: { videoId: id } },
    playerOverlays: {
      playerOverlayRenderer: {
        decoratedPlayerBarRenderer: {
          decoratedPlayerBarRenderer: {
            playerBar: {
              multiMarkersPlayerBarRenderer: { markersMap: [{ key: 'DESCRIPTION_CHAPTERS', value: { chapters } }] },
            },
          },
        },
      },
    },
  };
  return `<!doctype html><html><head><title>Bench talk ${id} - YouTube</title>
<link rel="canonical" href="https://www.youtube.com/watch?v=${id}"></head><body>
<div id="player"><video class="html5-main-video"></video></div>
<ytd-watch-metadata><div id="title"><h1><yt-formatted-string>Bench talk ${id}</yt-formatted-string></h1></div></ytd-watch-metadata>
<script>var ytInitialPlayerResponse = ${JSON.stringify(player)};</script>
<script>var ytInitialData = ${JSON.stringify(data)};</script>
<script>document.querySelector('video').currentTime = ${at};</script>
</body></html>`;
}

/** A realistic article page (about 1,200 words, Open Graph and author metadata), per URL. */
function articleHtml(url) {
  const slug = url.pathname.split('/').filter(Boolean).pop() ?? 'article';
  const title = decodeURIComponent(slug)
    .replace(/-/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
  const para =
    'Teams learn far more from the follow-up of work they have done than from any course. When we started running retrospectives every second week, the first ones were polite and short. ' +
    'It took months before people said what went less well, and why. What changed was not the format but the follow-up: every retrospective ended with one concrete action, with a name and a date, ' +
    'and the next one started by asking whether we had done it and what effect it had.';
  const body = Array.from({ length: 14 }, (_, i) => `<h2>Part ${i + 1}</h2><p>${para}</p><p>${para}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Example Blog</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Example Blog"><meta property="og:type" content="article">
<meta name="author" content="Sofia Lindqvist"><meta property="article:published_time" content="2025-05-20T08:00:00Z">
<meta name="description" content="What a year of retrospectives taught one team about learning at work.">
<link rel="canonical" href="${url.origin}${url.pathname}"></head>
<body><header><nav><a href="/">Example Blog</a></nav></header><main><article><h1>${title}</h1><p class="byline">By Sofia Lindqvist</p>${body}</article></main><footer>© Example</footer></body></html>`;
}

export async function chromiumVersion(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const v = await cdp.send('Browser.getVersion');
  await cdp.detach();
  return v.product;
}

// ---------------------------------------------------------------------------------- in-page probes

/**
 * Installed before any of the page's own scripts (addInitScript): records, in the page's clock
 * (ms from navigation start), when `selector` first matches, or when one of `titles` appears as
 * text. Mutation observers run right after the DOM change, before the next paint.
 */
function readyProbe({ selector, titles, saveLabel, countSelector, longTasks }) {
  const probe = { ready: null };
  window.__bench = probe;
  // The longest stretch the page could not answer the user while it loaded (lists: every entry
  // drawn at once blocked it for seconds).
  if (longTasks) {
    probe.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  }
  const wanted = titles ? new Set(titles) : null;
  let resolveDone;
  probe.done = new Promise((r) => (resolveDone = r));
  const hasTitle = (node) => {
    if (node.nodeType === 3) return wanted.has(node.data.trim());
    if (node.nodeType !== 1) return false;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (wanted.has(n.data.trim())) return true;
    return false;
  };
  const hit = () => {
    probe.ready = performance.now();
    // The same moment in a Chrome trace (measureLoadTrace).
    performance.mark('bench:ready');
    if (!saveLabel && !countSelector) observer.disconnect();
    resolveDone(probe.ready);
  };
  const observer = new MutationObserver((records) => {
    // Where the time goes: the app's first render (its root gets content).
    if (probe.firstRender === undefined && document.getElementById('app')?.firstElementChild)
      probe.firstRender = performance.now();
    // The popup's primary action: "Save this page" in the DOM and enabled.
    if (
      probe.saveUsable === undefined &&
      saveLabel &&
      [...document.querySelectorAll('button')].some((b) => !b.disabled && b.textContent.trim() === saveLabel)
    ) {
      probe.saveUsable = performance.now();
      performance.mark('bench:save');
    }
    // The library: when its count says how many resources there are ("100,000 resources").
    if (countSelector && probe.countShown === undefined) {
      const count = document.querySelector(countSelector)?.textContent?.trim() ?? '';
      if (/^[\d,]+ resources?$/.test(count)) probe.countShown = performance.now();
    }
    if (probe.ready !== null) {
      if ((!saveLabel || probe.saveUsable !== undefined) && (!countSelector || probe.countShown !== undefined))
        observer.disconnect();
      return;
    }
    if (selector && document.querySelector(selector)) return hit();
    if (wanted)
      for (const rec of records) {
        if (rec.type === 'characterData' ? hasTitle(rec.target) : [...rec.addedNodes].some(hasTitle)) return hit();
      }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: Boolean(wanted || countSelector),
    attributes: Boolean(saveLabel),
  });
  // Static markup (the empty page) is parsed before the observer sees a change.
  document.addEventListener('DOMContentLoaded', () => {
    // Module scripts have run (parsed, evaluated) by DOMContentLoaded.
    probe.dcl = performance.now();
    if (probe.ready === null && selector && document.querySelector(selector)) hit();
  });
  // Export: when the file is handed to the browser (a blob URL, then an <a download> click).
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (obj) => {
    probe.blobAt = performance.now();
    return createObjectURL(obj);
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) probe.downloadClickAt = performance.now();
    return click.call(this);
  };
  // Import: when the file input changes.
  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') probe.changeAt = e.timeStamp;
    },
    true,
  );
}

export async function timedLoad(context, url, probeArg, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(readyProbe, probeArg);
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await Promise.race([
    page.evaluate(() => window.__bench.done),
    page.waitForTimeout(60_000).then(() => null),
  ]);
  const phases =
    ready === null
      ? null
      : await page.evaluate(() => ({
          dcl: window.__bench.dcl ?? null,
          firstRender: window.__bench.firstRender ?? null,
        }));
  if (phases && probeArg.saveLabel) {
    phases.saveUsable = await page
      .waitForFunction(() => window.__bench.saveUsable ?? null, null, { timeout: 10_000, polling: 20 })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    // The popup's own measure of reading the tab (tabs lookup to the capture script's answer).
    const capture = await page.evaluate(() => performance.getEntriesByName('popup:capture')[0] ?? null);
    if (capture) Object.assign(phases, { captureStart: capture.startTime, capture: capture.duration });
  }
  return { page, ready, phases };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `main` has not changed for `quietMs`. */
export async function settle(page, quietMs) {
  await page.evaluate(
    (q) =>
      new Promise((res) => {
        let timer = setTimeout(done, q);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, q);
        });
        function done() {
          observer.disconnect();
          res();
        }
        observer.observe(document.querySelector('main') ?? document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(done, 15_000);
      }),
    quietMs,
  );
}

export function chromiumVersionFromBinary() {
  try {
    return execFileSync(chromePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
