import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, putRecords, type Launched } from './harness';
import { seedDemo } from './demo';

// The Team page at the library's narrowest width (a browser side panel, a phone-sized window):
// rows, their controls and a chat error wrap inside the page instead of running off its edge.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

describe('the Team page at 360 px', () => {
  it('wraps rows, bulk controls and a failed post inside the page', async () => {
    ext = await launch();
    await seedDemo(ext);
    // The chat refuses: its error is the longest line the page shows.
    await ext.context.route('https://blog.example.org/hooks/**', (route) => route.fulfill({ status: 500, body: '' }));
    const library = await ext.context.newPage();
    await library.setViewportSize({ width: 360, height: 800 });
    await library.goto(extensionUrl(ext, 'library.html#team'));
    await library.evaluate(() =>
      chrome.storage.local.set({ webhook: { url: 'https://blog.example.org/hooks/T0/B0/secret', service: 'slack' } }),
    );
    const long = 'A-very-long-title-without-spaces-that-a-page-gave-itself-'.repeat(3);
    await putRecords(library, 'resources', [
      {
        id: 'long',
        url: 'https://example.org/long',
        canonicalUrl: 'https://example.org/long',
        kind: 'article',
        title: long,
        notes: '',
        clips: [],
        takeaways: [
          {
            id: 't1',
            text: 'A takeaway long enough to need a second line at this width, at least.',
            createdAt: Date.now(),
          },
        ],
        tags: [],
        status: 'learned',
        learnedAt: Date.now() - 60_000,
        createdAt: Date.now() - 120_000,
        updatedAt: Date.now() - 60_000,
      },
    ]);
    await library.reload();
    const teach = library.getByRole('region', { name: 'Teach it forward' });
    await teach.getByRole('checkbox', { name: long }).check();
    await teach.getByRole('button', { name: 'Post to team chat' }).click();
    await teach.getByRole('alert').waitFor();
    const digest = library.getByRole('region', { name: 'Team digest' });
    await digest.getByRole('button', { name: 'Post to team chat' }).click();
    await digest.getByRole('alert').waitFor();

    const overflowing = await library.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('#main *')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
        })
        .filter((element) => !element.closest('.digest-preview'))
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    });
    expect(overflowing).toEqual([]);
    expect(await library.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
