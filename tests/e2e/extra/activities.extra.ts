import { mkdirSync } from 'node:fs';
import { afterEach, describe, it } from 'vitest';
import { extensionUrl, launch, openPopup, openTab, type Launched, wholePageShot } from '../harness';
import { openLibrary } from '../library-helpers';

// Screenshots of learning with no link: the popup's quick form, the library's form, its page.

const SHOTS = '/tmp/shots-activities';
let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

describe('screenshots of activities', () => {
  it.each(['light', 'dark'] as const)('popup, form and page (%s)', async (colorScheme) => {
    mkdirSync(SHOTS, { recursive: true });
    ext = await launch({ colorScheme });
    const popup = await openPopup(ext, await openTab(ext, 'chrome://settings/'));
    await popup.getByRole('button', { name: 'Log learning' }).click();
    await popup.getByLabel('Kind of learning').selectOption({ label: 'Workshop' });
    await popup.getByLabel('What did you learn from?').fill('Old truths workshop with the platform team');
    await popup.screenshot({ path: `${SHOTS}/popup-log-${colorScheme}.png` });
    await popup.getByRole('button', { name: 'Log it' }).click();
    await popup.getByRole('status').filter({ hasText: 'Logged' }).waitFor();
    await popup.screenshot({ path: `${SHOTS}/popup-logged-${colorScheme}.png` });

    const library = await openLibrary(ext, 'log');
    await library.setViewportSize({ width: 1280, height: 900 });
    await library.getByLabel('Kind of learning').selectOption({ label: 'Book' });
    await library.getByLabel('Title').fill('The Fifth Discipline');
    await library.getByLabel('Author (optional)').fill('Peter Senge');
    await wholePageShot(library, `${SHOTS}/library-log-${colorScheme}.png`);
    await library.getByRole('button', { name: 'Log it' }).click();
    await library.getByRole('region', { name: 'About this activity' }).waitFor();
    await wholePageShot(library, `${SHOTS}/activity-page-${colorScheme}.png`);
    await library.goto(extensionUrl(ext, 'library.html#resources'));
    await library.locator('.res-row').nth(1).waitFor();
    await library.screenshot({ path: `${SHOTS}/list-${colorScheme}.png` });
  });
});
