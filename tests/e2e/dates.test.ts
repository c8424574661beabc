import { afterEach, describe, expect, it } from 'vitest';
import { currentWorker, launch, readStore, type Launched } from './harness';
import { openLibrary } from './library-helpers';

// A Swedish UI in an English browser: every date and time is read and typed the Swedish way, not
// the browser's (`<input type=time>` showed "06:48 PM" beside "kl. 18:48").

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const swedishDay = (date: Date) =>
  new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);

describe('dates and times in the chosen language', () => {
  it('a Swedish UI in an English browser: 24-hour times, Swedish days, a Swedish calendar by keyboard', async () => {
    ext = await launch({ lang: 'en' });
    await (await currentWorker(ext)).evaluate(() => chrome.storage.local.set({ language: 'sv' }));

    // The prompt time: 24-hour, typed with a dot as Swedes often do, saved and echoed in words.
    const settings = await openLibrary(ext, 'settings');
    const time = settings.getByLabel('Tid', { exact: true });
    expect(await time.inputValue()).toBe('16:00');
    await time.fill('18.48');
    await time.press('Tab');
    expect(await time.inputValue()).toBe('18:48');
    await expect
      .poll(() =>
        settings.evaluate(
          async () =>
            ((await chrome.storage.local.get('promptSchedule')).promptSchedule as { timeOfDay: number }).timeOfDay,
        ),
      )
      .toBe(18 * 60 + 48);
    await settings.getByRole('status').filter({ hasText: /18:48/ }).first().waitFor();
    expect(await settings.locator('body').textContent()).not.toMatch(/\b(AM|PM)\b/);

    // A day of learning: shown as Swedes read it, a wrong one named, the calendar in Swedish.
    const library = await openLibrary(ext, 'log');
    const when = library.getByLabel('När', { exact: true });
    const today = new Date();
    expect(await when.inputValue()).toBe(swedishDay(today));
    await when.fill('31/11');
    await when.press('Tab');
    await library.getByRole('alert').filter({ hasText: '”31/11” är inget datum' }).waitFor();
    expect(await when.getAttribute('aria-invalid')).toBe('true');

    await library.getByRole('button', { name: 'Välj i en kalender' }).click();
    const calendar = library.getByRole('dialog', { name: 'Kalender' });
    await calendar.waitFor();
    // The day buttons speak Swedish ("2 december"), the week starts on Monday.
    const todayLabel = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long' }).format(today);
    await calendar.getByRole('button', { name: todayLabel, exact: true }).waitFor();
    await expect.poll(() => calendar.getByRole('columnheader').first().textContent()).toMatch(/^m/i);
    // The day that has focus inside the calendar (its month's shadow root), by its label.
    const focusedDay = () =>
      library.evaluate(() => {
        const month = document.activeElement;
        return month?.tagName.toLowerCase() === 'calendar-month'
          ? (month.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null)
          : null;
      });
    await expect.poll(focusedDay).toBe(todayLabel);
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    await library.keyboard.press('ArrowLeft');
    await expect
      .poll(focusedDay)
      .toBe(new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long' }).format(yesterday));
    await library.keyboard.press('Enter');
    await calendar.waitFor({ state: 'hidden' });
    expect(await when.inputValue()).toBe(swedishDay(yesterday));
    await expect.poll(() => when.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await library.getByRole('alert').count()).toBe(0);

    // Escape closes the calendar and gives focus back to its button.
    await library.getByRole('button', { name: 'Välj i en kalender' }).click();
    await calendar.waitFor();
    await library.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });
    await expect
      .poll(() => library.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Välj i en kalender');
    // Even pressed the moment it opens, before the calendar has drawn itself.
    await library.getByRole('button', { name: 'Välj i en kalender' }).click();
    await library.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });
    // And wherever the focus is while it is open (here back on the day's own field).
    await library.getByRole('button', { name: 'Välj i en kalender' }).click();
    await calendar.waitFor();
    await expect.poll(focusedDay).not.toBeNull();
    await when.focus();
    await library.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });

    await library.getByLabel('Titel').fill('En dag med Anna i supporten');
    await library.getByRole('button', { name: 'Logga' }).click();
    await library.getByRole('heading', { name: 'En dag med Anna i supporten', level: 1 }).waitFor();
    const [stored] = await readStore<{ happenedOn?: string }>(library, 'resources');
    expect(stored?.happenedOn).toBe(isoDay(yesterday));
  });
});
