/** The popup: its loads beside the empty and one-script pages, and what a user does in it (save, clip, quote, log). */
import { POPUP_RUNS, RUNS, WARMUP } from './options.mjs';
import { stats } from './report.mjs';
import { sleep, tabId, timedLoad } from './browser.mjs';

const POPUP_READY = 'section.recent ul li, section.recent .empty';
export const POPUP_VIEWPORT = { width: 380, height: 600 };

/** The popup and its two floor pages, for the tab `tab`: where each is and what it waits for. */
export function popupPages(tab) {
  const saving = { selector: POPUP_READY, saveLabel: 'Save this page' };
  return {
    empty: { path: 'bench-empty.html', probe: { selector: '[data-bench-ready]' } },
    floor: { path: `bench-script-floor.html?tab=${tab}`, probe: saving },
    popup: { path: `popup.html?tab=${tab}`, probe: saving },
  };
}

/**
 * Empty page and popup in every profile, interleaved run by run (profile A empty, A popup,
 * B empty, B popup, …) so all of them see the same machine load; ratios are taken run by run.
 */
export async function measurePopups(browsers) {
  const out = browsers.map(() => ({
    empty: [],
    floor: [],
    floorSave: [],
    floorTab: [],
    popup: [],
    dcl: [],
    firstRender: [],
    save: [],
    captureStart: [],
    capture: [],
  }));
  for (let i = 0; i < WARMUP + POPUP_RUNS; i++) {
    for (const [k, b] of browsers.entries()) {
      const pages = popupPages(b.articleTab);
      const e = await timedLoad(b.context, b.url(pages.empty.path), pages.empty.probe, POPUP_VIEWPORT);
      await e.page.close();
      const f = await timedLoad(b.context, b.url(pages.floor.path), pages.floor.probe, POPUP_VIEWPORT);
      const floorTab = await f.page.evaluate(
        () => performance.getEntriesByName('floor:tab-read')[0]?.startTime ?? null,
      );
      await f.page.close();
      const p = await timedLoad(b.context, b.url(pages.popup.path), pages.popup.probe, POPUP_VIEWPORT);
      // Let the capture card finish before the page closes, as a user's popup would.
      await p.page.waitForTimeout(150);
      await p.page.close();
      if (e.ready === null || f.ready === null || p.ready === null)
        throw new Error('popup, empty page or floor page never became ready');
      if (f.phases?.saveUsable == null) throw new Error('the floor page never looked its tab up');
      if (i >= WARMUP) {
        out[k].empty.push(e.ready);
        out[k].floor.push(f.ready);
        out[k].floorSave.push(f.phases.saveUsable);
        if (floorTab !== null) out[k].floorTab.push(floorTab);
        out[k].popup.push(p.ready);
        if (p.phases?.dcl != null) out[k].dcl.push(p.phases.dcl);
        if (p.phases?.firstRender != null) out[k].firstRender.push(p.phases.firstRender);
        if (p.phases?.saveUsable != null) out[k].save.push(p.phases.saveUsable);
        if (p.phases?.capture != null) {
          out[k].captureStart.push(p.phases.captureStart);
          out[k].capture.push(p.phases.capture);
        }
      }
      await sleep(50);
    }
  }
  return out;
}

export async function measureSave(b) {
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const url = `https://blog.example.org/2025/06/notes-on-teaching-colleagues-what-you-learned-part-${i + 1}`;
    const title = `Notes on teaching colleagues what you learned part ${i + 1}`;
    const tab = await b.context.newPage();
    await tab.goto(url);
    const id = await tabId(b.control, url);
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${id}`));
    const button = popup.getByRole('button', { name: 'Save this page' });
    if (!(await button.count().catch(() => 0)) && i === 0) {
      await popup.close();
      await tab.close();
      return { na: 'no "Save this page" button in the popup' };
    }
    // Ready to save: the capture card shows the page and the button is enabled.
    await popup.waitForFunction((t) => document.querySelector('#capture-title')?.textContent?.trim() === t, title, {
      timeout: 20_000,
    });
    await popup.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Save this page' && !b.disabled),
    );
    await popup.waitForTimeout(100);
    await popup.evaluate((t) => {
      window.__saveDone = new Promise((resolveDone, reject) => {
        let clickAt = null;
        document.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim() === 'Saved') &&
          [...document.querySelectorAll('section.recent ul li')].some((li) => li.textContent.includes(t));
        const observer = new MutationObserver(() => {
          if (clickAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - clickAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('no "Saved" status and list item within 15 s')), 15_000);
      });
    }, title);
    await button.click();
    const ms = await popup.evaluate(() => window.__saveDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await tab.close();
    await sleep(100);
  }
  return stats(samples);
}

/**
 * A clip from the popup on a saved talk: Enter in the clip note (its keydown timestamp) to the
 * status "Clipped …" and the new clip at the top of the popup's list.
 */
export async function measureClip(b) {
  const samples = [];
  const videoUrl = 'https://www.youtube.com/watch?v=benchClip01';
  const tab = await b.context.newPage();
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const at = 600 + i * 37;
    await tab.goto(`${videoUrl}&at=${at}`);
    const id = await tabId(b.control, await tab.url());
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${id}`));
    const box = popup.locator('.clip-box label textarea');
    if (!(await box.count().catch(() => 0)) && i === 0) {
      await box.waitFor({ timeout: 10_000 }).catch(() => undefined);
      if (!(await box.count())) {
        await popup.close();
        await tab.close();
        return { na: 'no clip box in the popup' };
      }
    }
    await box.waitFor();
    const note = `Clip note ${i + 1}`;
    await box.fill(note);
    await popup.evaluate((text) => {
      window.__clipDone = new Promise((resolveDone, reject) => {
        let keyAt = null;
        document.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Clipped')) &&
          [...(document.querySelector('.clip-list li')?.querySelectorAll('*') ?? [])].some((el) =>
            (el.value ?? el.textContent).includes(text),
          );
        const observer = new MutationObserver(() => {
          if (keyAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - keyAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          const said = [...document.querySelectorAll('[role=status], [role=alert]')].map((s) => s.textContent.trim());
          const first = document.querySelector('.clip-list li')?.textContent ?? 'no list';
          reject(
            new Error(`no "Clipped" status and list item within 15 s (status: ${said.join(' | ')}; first: ${first})`),
          );
        }, 15_000);
      });
    }, note);
    await box.press('Enter');
    const ms = await popup.evaluate(() => window.__clipDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await sleep(100);
  }
  await tab.close();
  return stats(samples);
}

/**
 * A quote from the popup: a sentence selected on an article (the same sentence stands in every
 * part, so the text directive needs context, as on real pages), the click on "Save as quote" (its
 * timestamp) to the status "Quote saved" (written after the quote is stored).
 */
export async function measureQuote(b) {
  const samples = [];
  const url = 'https://blog.example.org/2025/06/what-a-year-of-retros-taught-us';
  const tab = await b.context.newPage();
  await tab.goto(url);
  const id = await tabId(b.control, url);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await tab.evaluate(
      (part) => {
        const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === `Part ${part}`);
        const text = heading.nextElementSibling.firstChild;
        const end = text.data.indexOf('.') + 1;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, end);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      },
      (i % 14) + 1,
    );
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${id}`));
    const button = popup.getByRole('button', { name: 'Save as quote' });
    try {
      await button.waitFor({ timeout: 10_000 });
    } catch {
      await popup.close();
      await tab.close();
      return { na: 'no "Save as quote" button in the popup' };
    }
    await popup.waitForTimeout(100);
    await popup.evaluate(() => {
      window.__quoteDone = new Promise((resolveDone, reject) => {
        let clickAt = null;
        document.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Quote saved'));
        const observer = new MutationObserver(() => {
          if (clickAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - clickAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('no "Quote saved" status within 15 s')), 15_000);
      });
    });
    await button.click();
    const ms = await popup.evaluate(() => window.__quoteDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await sleep(100);
  }
  await tab.close();
  return stats(samples);
}

/**
 * Learning with no link, logged from the popup: "Log learning", a type, a title, Enter (its
 * keydown timestamp) to the status "Logged" (written after the activity is stored).
 */
export async function measureLog(b) {
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const popup = await b.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(b.url(`popup.html?tab=${b.articleTab}`));
    const open = popup.getByRole('button', { name: 'Log learning' });
    try {
      await open.waitFor({ timeout: 10_000 });
    } catch {
      await popup.close();
      return { na: 'no "Log learning" button in the popup' };
    }
    await open.click();
    await popup.getByLabel('Kind of learning').selectOption('workshop');
    const title = popup.getByLabel('What did you learn from?');
    await title.fill(`Bench workshop ${i + 1}`);
    await popup.evaluate(() => {
      window.__logDone = new Promise((resolveDone, reject) => {
        let keyAt = null;
        document.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true, once: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Logged'));
        const observer = new MutationObserver(() => {
          if (keyAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - keyAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('no "Logged" status within 15 s')), 15_000);
      });
    });
    await title.press('Enter');
    const ms = await popup.evaluate(() => window.__logDone);
    if (i >= WARMUP) samples.push(ms);
    await popup.close();
    await sleep(100);
  }
  return stats(samples);
}
