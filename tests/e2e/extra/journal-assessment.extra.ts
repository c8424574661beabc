import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { extensionUrl, launch, putRecords, ROOT, type Launched, wholePageShot } from '../harness';
import { seedDemo } from '../demo';

// Screenshots of Reflect now (a question with "Another question" and "Write freely", and free
// writing), the learning environment's check with a tie for the lowest score, and the library's
// header with what its learning streak counts, in English and Swedish (`npm run screenshots`).

const outDir = process.env.SHOTS_DIR ?? join(ROOT, '.output-screenshots');
const CONDITIONS = ['felt-need', 'cooperation', 'recognition', 'careers', 'feedback', 'new-ideas', 'bottom-up'];

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

async function still(page: Page): Promise<void> {
  await page.addStyleTag({
    content:
      '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}',
  });
  await page.evaluate(() => document.fonts.ready);
}

describe('screenshots of Reflect now, a tied check and the streak', () => {
  it.each([
    ['en', 'light'],
    ['sv', 'dark'],
    ['sv', 'light'],
    ['en', 'dark'],
  ] as const)('journal, assessment and header (%s, %s)', async (lang, colorScheme) => {
    mkdirSync(outDir, { recursive: true });
    const suffix = `${lang}-${colorScheme}`;
    ext = await launch({ colorScheme, lang: lang === 'sv' ? 'sv' : 'en-GB' });
    await seedDemo(ext);
    const library = await ext.context.newPage();
    await library.setViewportSize({ width: 1024, height: 768 });
    await library.goto(extensionUrl(ext, 'library.html#resources'));
    await library.locator('.lib-stats dd').first().waitFor();
    await library.locator('.lib-stat-help').waitFor();
    await still(library);
    await library.locator('.lib-stats').screenshot({ path: join(outDir, `library-stats-streak-${suffix}.png`) });

    for (const [hash, name] of [
      ['journal?prompt=followUpWentWell', 'journal-reflect'],
      ['journal?prompt=freeWriting', 'journal-free-writing'],
    ] as const) {
      await library.goto(extensionUrl(ext, `library.html#${hash}`));
      await library.locator('.journal-answer-card').waitFor();
      await library
        .locator('#journal-answer')
        .fill(name === 'journal-reflect' ? '' : 'Pairing with Sam taught me to read the CI logs first.');
      await still(library);
      await library.locator('.journal-answer-card').screenshot({ path: join(outDir, `library-${name}-${suffix}.png`) });
    }

    // This month's check: two conditions share the lowest score.
    const scores = Object.fromEntries(CONDITIONS.map((c) => [c, 4]));
    await putRecords(library, 'assessments', [
      {
        id: 'tie',
        createdAt: Date.now(),
        updatedAt: Date.now(),
        scores: { ...scores, careers: 2, feedback: 2 },
      },
    ]);
    await library.goto(extensionUrl(ext, 'library.html#assessment'));
    await library.locator('.weakest-tie').waitFor();
    await still(library);
    await library.locator('.weakest-tie').screenshot({ path: join(outDir, `library-assessment-tie-${suffix}.png`) });
    await wholePageShot(library, join(outDir, `library-assessment-tie-page-${suffix}.png`));
  });
});
