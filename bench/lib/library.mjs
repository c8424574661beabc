/** The library page: ready, searchable, its heap, the keystrokes to results, the review queue, the long lists. */
import { RUNS, WARMUP } from './options.mjs';
import { log, stats } from './report.mjs';
import { settle, sleep, timedLoad } from './browser.mjs';

async function candidateTitles(control) {
  // Titles the library could show first, whatever its default order: newest created and updated.
  return control.evaluate(async () => {
    const open = await new Promise((res, rej) => {
      const r = indexedDB.open('learning-loop');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const take = (index, dir) =>
      new Promise((res) => {
        const out = [];
        const req = open.transaction('resources').objectStore('resources').index(index).openCursor(null, dir);
        req.onsuccess = () => {
          const c = req.result;
          if (!c || out.length >= 60) return res(out);
          out.push(c.value.title.trim());
          c.continue();
        };
      });
    const titles = [
      ...(await take('createdAt', 'prev')),
      ...(await take('updatedAt', 'prev')),
      ...(await take('createdAt', 'next')),
    ];
    open.close();
    return [...new Set(titles)];
  });
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1e6;
}

/**
 * The library reads the whole store in chunks after showing the newest screen, and marks
 * `library:index-ready` (performance.mark) when search covers everything. Waits for that mark
 * (or, on a page without it, for the page to be quiet) and returns its time, or null.
 */
const INDEX_MARK = 'library:index-ready';
async function indexReady(page) {
  const at = await page
    .waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, INDEX_MARK, {
      timeout: 90_000,
      polling: 100,
    })
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (at === null) await settle(page, 1000);
  return at;
}

/** The library's rows kept between visits (lib/library/index-cache.ts) and its mark once written. */
const KEPT_DB = 'learning-loop-search-index';
const KEPT_MARK = 'library:index-kept';

/**
 * Each run opens the library twice: a first visit with nothing kept (the copy's database deleted
 * from the control page first), which then keeps its rows (waited for: the `library:index-kept`
 * mark), and a later visit, which starts from that copy. The heap is weighed on the later visit.
 */
export async function measureLibrary(b, { memory }) {
  const titles = await candidateTitles(b.control);
  const ready = [];
  const searchable = [];
  const searchableKept = [];
  const countedKept = [];
  const heap = [];
  let textMB = null;
  let keptUsed = 0;
  const visit = async () => {
    const { page, ready: at } = await timedLoad(b.context, b.url('library.html#resources'), {
      titles,
      countSelector: '.res-count',
    });
    if (at === null) {
      await page.close();
      return null;
    }
    const whole = await indexReady(page);
    const counted = await page
      .waitForFunction(() => window.__bench.countShown ?? null, null, { timeout: 30_000, polling: 50 })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const fromCopy = await page.evaluate(
      (name) => performance.getEntriesByName(name)[0]?.detail?.fromCopy ?? null,
      INDEX_MARK,
    );
    return { page, at, whole, fromCopy, counted };
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await b.control.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve(undefined);
          request.onerror = () => reject(request.error);
        }),
      KEPT_DB,
    );
    const first = await visit();
    if (!first)
      return { na: 'no resource title appeared in the library within 60 s (is the resources list there yet?)' };
    const kept = await first.page
      .waitForFunction((name) => performance.getEntriesByName(name).length > 0, KEPT_MARK, {
        timeout: 90_000,
        polling: 100,
      })
      .then(() => true)
      .catch(() => false);
    await first.page.close();
    const later = kept ? await visit() : null;
    if (i >= WARMUP) {
      ready.push(first.at);
      if (first.whole !== null) searchable.push(first.whole);
      if (later) {
        ready.push(later.at);
        if (later.whole !== null) searchableKept.push(later.whole);
        if (later.counted !== null) countedKept.push(later.counted);
        if (later.fromCopy) keptUsed++;
        // The heap once the whole library is in memory, after a full garbage collection.
        if (memory) heap.push(await heapMB(later.page));
        if (memory && textMB === null)
          textMB = await later.page.evaluate(
            (name) => (performance.getEntriesByName(name)[0]?.detail?.textChars ?? 0) * 2e-6 || null,
            INDEX_MARK,
          );
      }
    }
    await later?.page.close();
    await sleep(100);
  }
  log(`library: ${keptUsed} of ${RUNS} later visits started from the kept copy`);
  return {
    ready: stats(ready),
    ...(searchable.length === RUNS ? { searchable: stats(searchable) } : {}),
    ...(searchableKept.length === RUNS && keptUsed === RUNS ? { searchableKept: stats(searchableKept) } : {}),
    ...(countedKept.length === RUNS && keptUsed === RUNS ? { countedKept: stats(countedKept) } : {}),
    ...(memory && heap.length ? { heap: stats(heap), textMB } : {}),
    keptUsed,
  };
}

/**
 * Keystroke to results: the box holds a prefix with its results settled; one more letter is
 * pressed (a real key event) and the time runs from that keydown (its event timestamp, so input
 * dispatch counts) to the DOM change that shows the new results: the match count text when the
 * page has one (a live region), otherwise the last change to the results within a quiet period.
 * Any debounce is inside this time.
 */
const SEARCH_STEPS = [
  // Each extra letter narrows the generated library's results (feed → feedback, not
  // feedforward; team → teamwork, not teams), so the count text always changes.
  ['feed', 'b'],
  ['team', 'w'],
  ['coach', 'i'],
  ['retro', 's'],
  ['mentor', 'i'],
  ['feed', 'f'],
  ['learn', 'e'],
  ['shar', 'e'],
  ['work', 's'],
  ['test', 'i'],
  ['coach', 'e'],
];
export async function measureSearch(b) {
  const titles = await candidateTitles(b.control);
  const { page, ready } = await timedLoad(b.context, b.url('library.html#resources'), { titles });
  try {
    if (ready === null) return { na: 'the resources list never rendered' };
    const box = page.getByRole('searchbox', { name: 'Search' });
    if (!(await box.count())) return { na: 'no searchbox named "Search" in the library' };
    // Steady state: the whole library is searchable (typing earlier is a different figure).
    await indexReady(page);
    const samples = [];
    const methods = new Set();
    let misses = 0;
    for (let i = 0; samples.length < RUNS; i++) {
      if (misses > 3) return { na: `${misses} keystrokes changed nothing on the page` };
      const [prefix, key] = SEARCH_STEPS[i % SEARCH_STEPS.length];
      await box.fill(prefix);
      await settle(page, 600);
      // Install the probe and wait for it to be in place, then press, then read the result.
      await page.evaluate(() => {
        window.__searchDone = new Promise((resolveDone, reject) => {
          const main = document.querySelector('main') ?? document.body;
          const live = () =>
            [...main.querySelectorAll('[role=status], [aria-live], output')].filter(
              (el) => !el.closest('[role=alert]'),
            );
          const before = new Map(live().map((el) => [el, el.textContent]));
          let keyAt = null;
          let countAt = null;
          let lastAt = null;
          let quiet = null;
          window.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
          const finish = () => {
            observer.disconnect();
            if (keyAt === null || (countAt ?? lastAt) === null) reject(new Error('no change after the keystroke'));
            else
              resolveDone({
                ms: (countAt ?? lastAt) - keyAt,
                method: countAt !== null ? 'count text' : 'last DOM change',
              });
          };
          const observer = new MutationObserver((records) => {
            if (keyAt === null) return;
            const now = performance.now();
            if (records.some((r) => !(r.target instanceof HTMLInputElement))) lastAt = now;
            if (countAt === null)
              for (const el of live()) if (!before.has(el) || before.get(el) !== el.textContent) countAt ??= now;
            clearTimeout(quiet);
            quiet = setTimeout(finish, 800);
          });
          observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
          setTimeout(finish, 5_000);
        });
      });
      await page.keyboard.press(key);
      const res = await page.evaluate(() => window.__searchDone.catch((e) => ({ error: e.message })));
      if (res.error) {
        misses++;
        log(`search: "${prefix}" + "${key}" changed nothing (${res.error}); next query`);
        continue;
      }
      methods.add(res.method);
      if (i >= WARMUP) samples.push(res.ms);
    }
    return { ...stats(samples), method: [...methods].join(', ') };
  } finally {
    await page.close();
  }
}

/**
 * The first keystroke: the library opened afresh, a letter typed the moment the search box is
 * there (a real key event, so a user who types at once), to the count that says how many match
 * ("12 of 10,000 resources", or while the library is still being read, a count that says it covers
 * what is read so far). From the keydown's timestamp, in the page's clock.
 */
export async function measureFirstKey(b) {
  const samples = [];
  const partial = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      window.__firstKey = new Promise((resolveDone) => {
        let keyAt = null;
        addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (keyAt === null) return;
          for (const el of document.querySelectorAll('main [role=status]')) {
            const text = el.textContent.trim();
            if (/^[\d,]+ of [\d,]+ /.test(text)) {
              observer.disconnect();
              resolveDone({ ms: performance.now() - keyAt, text, partial: /so far/.test(text) });
              return;
            }
          }
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      });
    });
    await page.goto(b.url('library.html#resources'), { waitUntil: 'commit' });
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.waitFor({ timeout: 60_000 });
    await box.press('f');
    const res = await Promise.race([
      page.evaluate(() => window.__firstKey),
      page.waitForTimeout(30_000).then(() => null),
    ]);
    await page.close();
    if (res === null) return { na: 'no match count within 30 s of the first keystroke' };
    if (i >= WARMUP) {
      samples.push(res.ms);
      partial.push(res.partial);
    }
    await sleep(100);
  }
  return { ...stats(samples), partialResults: partial.filter(Boolean).length };
}

/**
 * A review answer in the library's Review section, with a card for every takeaway, quote and clip
 * (as an import writes them: all but the newest due): the queue shown from navigation, then the
 * click on the top card's "Applied it" to its answer said (stored by then: the command resolves
 * after its transaction). A new page per run, so each answers the card then on top. The cards go
 * again afterwards, so the figures after it see the library they always saw.
 */
export async function measureReview(b) {
  const seeded = await b.control.evaluate(() => globalThis.bench.seedReviews());
  try {
    const answers = [];
    const shown = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { page, ready } = await timedLoad(b.context, b.url('library.html#review'), { selector: REVIEW_ANSWER });
      if (ready === null) {
        await page.close();
        return { na: 'no review card to answer in the library' };
      }
      await page.evaluate(() => {
        window.__answered = new Promise((resolveDone, reject) => {
          let clickAt = null;
          document.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            const said = document.querySelector('.review-said')?.textContent ?? '';
            if (clickAt !== null && said.includes('next time')) {
              observer.disconnect();
              resolveDone(performance.now() - clickAt);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => reject(new Error('no answer said within 15 s')), 15_000);
        });
      });
      await page.locator(REVIEW_ANSWER).first().click();
      const ms = await page.evaluate(() => window.__answered);
      if (i >= WARMUP) {
        answers.push(ms);
        shown.push(ready);
      }
      await page.close();
    }
    return { answer: stats(answers), shown: stats(shown), ...seeded };
  } finally {
    await b.control.evaluate(() => globalThis.bench.removeReviews());
  }
}
const REVIEW_ANSWER = '.review-card .review-answers button.btn-primary';

/**
 * The library's long lists, the journal (a reflection for every four resources) and the actions
 * (one for every ten): navigation to the first entry shown, and the longest task while the page
 * loads and settles (no DOM change for 500 ms), the time a click or a key had to wait.
 */
export async function measureLists(b) {
  const out = {};
  for (const [list, selector] of [
    ['journal', '.journal-entry'],
    ['actions', '.action-item'],
  ]) {
    const shown = [];
    const blocked = [];
    let entries = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { page, ready } = await timedLoad(b.context, b.url(`library.html#${list}`), { selector, longTasks: true });
      if (ready === null) {
        await page.close();
        return { na: `no ${selector} in the library's ${list} within 60 s` };
      }
      await settle(page, 500);
      const longest = await page.evaluate(() => window.__bench.longestTask);
      entries = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
      await page.close();
      if (i >= WARMUP) {
        shown.push(ready);
        blocked.push(longest);
      }
    }
    out[list] = { shown: stats(shown), blocked: stats(blocked), entries };
  }
  return out;
}
