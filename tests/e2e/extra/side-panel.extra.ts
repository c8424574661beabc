import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { launch, ROOT, tabIdFor, type Launched } from '../harness';
import { openPanel, openWatchPage, URL_A } from '../side-panel-helpers';

// Screenshots of the panel beside the video (360×800) composed beside the watch page, in English
// and Swedish, light and dark (`npm run screenshots`).

const outDir = process.env.SHOTS_DIR ?? join(ROOT, '.output-screenshots');

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

describe('screenshots of the panel beside the video', () => {
  it.each([
    ['en', 'light'],
    ['en', 'dark'],
    ['sv', 'light'],
    ['sv', 'dark'],
  ] as const)('the watch page with the panel beside it (%s, %s)', async (lang, colorScheme) => {
    mkdirSync(outDir, { recursive: true });
    ext = await launch({ colorScheme, lang: lang === 'sv' ? 'sv' : 'en-GB' });
    const tab = await openWatchPage(ext);
    await tab.setViewportSize({ width: 900, height: 800 });
    await tab.addStyleTag({ content: 'video{width:860px;height:484px;background:#000}' });
    const panel = await openPanel(ext, await tabIdFor(ext, URL_A));
    await panel.locator('.panel-note').waitFor();
    const box = panel.locator('.panel-note').getByRole('textbox');
    const notes =
      lang === 'sv'
        ? ['Kapitel kommer från beskrivningen', 'Dialog först,\nsedan bilderna']
        : ['Chapters come from the description', 'Dialogue first,\nthen the slides'];
    for (const [index, note] of notes.entries()) {
      await tab.evaluate(
        (at) => {
          document.querySelector('video')!.currentTime = at;
        },
        4 + index * 8,
      );
      await panel
        .getByTestId('panel-time')
        .filter({ hasText: `0:${String(4 + index * 8).padStart(2, '0')}` })
        .waitFor();
      for (const [lineIndex, line] of note.split('\n').entries()) {
        if (lineIndex > 0) await box.press('Shift+Enter');
        await box.pressSequentially(line);
      }
      await box.press('Enter');
      await panel.locator('.clip-list li').nth(index).waitFor();
    }
    await box.pressSequentially(lang === 'sv' ? 'Fråga teamet om' : 'Ask the team about');
    const name = `side-panel-${lang}-${colorScheme}`;
    const panelShot = join(outDir, `${name}-panel.png`);
    const pageShot = join(outDir, `${name}-page.png`);
    await panel.screenshot({ path: panelShot });
    await tab.screenshot({ path: pageShot });
    // Composed as the browser shows them: the page, and the panel at its right.
    const composed = await ext.context.newPage();
    await composed.setViewportSize({ width: 1260, height: 800 });
    const image = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
    await composed.setContent(
      `<body style="margin:0;display:flex;overflow:hidden"><img src="${image(pageShot)}" alt=""><img src="${image(panelShot)}" alt="" style="border-left:1px solid #888"></body>`,
    );
    await composed.screenshot({ path: join(outDir, `${name}.png`) });
  });
});
