import { RUNS, WARMUP } from './options.mjs';
import { stats } from './report.mjs';
import { sleep, tabId } from './browser.mjs';

/** The side panel's page as Chrome's narrowest side panel shows it. */
const PANEL_VIEWPORT = { width: 360, height: 800 };

/**
 * The side panel beside a video (#52): from a note's first keystroke (its keydown's timestamp) to
 * the clip stored and listed, the note being one key and Enter (Playwright presses Enter right
 * after, so the figure holds the first keystroke's work: the moment, the pause command, the page
 * read for what was said, then the store). A new video each run, so each note saves its video first
 * too, as the first note on a talk does. Listed means the clip's note shows in the panel's list.
 */
export async function measurePanelClip(b) {
  const samples = [];
  const tab = await b.context.newPage();
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const video = `bPanel${String(i).padStart(5, '0')}`;
    const url = `https://www.youtube.com/watch?v=${video}&at=${600 + i * 37}`;
    await tab.goto(url);
    const id = await tabId(b.control, await tab.url());
    const panel = await b.context.newPage();
    await panel.setViewportSize(PANEL_VIEWPORT);
    await panel.goto(b.url(`sidepanel.html?tab=${id}`));
    const box = panel.locator('.panel-note textarea');
    const ready = await box.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!ready) {
      await panel.close();
      await tab.close();
      return { na: 'no note box in the side panel' };
    }
    const key = String.fromCharCode(97 + (i % 26));
    await panel.evaluate((text) => {
      window.__clipDone = new Promise((resolveDone, reject) => {
        let keyAt = null;
        document.addEventListener('keydown', (e) => (keyAt ??= e.timeStamp), { capture: true });
        const ok = () =>
          [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim().startsWith('Clipped')) &&
          [...document.querySelectorAll('.clip-list li textarea')].some((el) => el.value === text);
        const observer = new MutationObserver(() => {
          if (keyAt !== null && ok()) {
            observer.disconnect();
            resolveDone(performance.now() - keyAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        setTimeout(() => reject(new Error('no "Clipped" status and listed note within 15 s')), 15_000);
      });
    }, key);
    await box.press(key);
    await box.press('Enter');
    const ms = await panel.evaluate(() => window.__clipDone);
    if (i >= WARMUP) samples.push(ms);
    await panel.close();
    await sleep(100);
  }
  await tab.close();
  return stats(samples);
}
