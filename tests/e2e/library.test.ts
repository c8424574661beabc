import { afterEach, describe, expect, it } from 'vitest';
import { articleFixture, expectedMetadata, launch, openPopup, readStore, tabIdFor, type Launched } from './harness';
import { TALK_A, TALK_B, watchPage } from './pages/youtube';
import {
  ARS,
  count,
  openLibrary,
  saveLibrary,
  saveThroughPopup,
  type StoredResource,
  TALK_C,
  talkUrl,
  titles,
} from './library-helpers';

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

describe('the library', () => {
  it('an empty library teaches what to do first', async () => {
    ext = await launch();
    const library = await openLibrary(ext);
    await library.getByRole('heading', { name: 'Your library is empty, for now' }).waitFor();
    expect(await library.getByText('The keyboard shortcut').count()).toBe(1);
    expect(await library.locator('kbd').allTextContents()).toEqual(['Alt', 'Shift', 'S']);
    expect(await library.getByRole('link', { name: 'Import in Settings' }).getAttribute('href')).toBe(
      '#settings/backup',
    );
    expect(await library.getByRole('searchbox', { name: 'Search' }).count()).toBe(0);
  });

  it('search finds a resource by a word of its notes, ignoring diacritics, and filters combine', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const library = await openLibrary(ext);
    await expect.poll(() => count(library)).toBe('5 resources');
    const search = library.getByRole('searchbox', { name: 'Search' });

    await search.pressSequentially('dialogue');
    await expect.poll(() => titles(library)).toEqual([TALK_A.title]);
    expect(await count(library)).toBe('1 of 5 resources');

    await search.fill('');
    await search.pressSequentially('ovning');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title]);
    await search.fill('lara');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title]);

    // The search is in the address, so a reload shows the same view.
    await library.waitForFunction(() => location.hash === '#resources?q=lara');
    await library.reload();
    await expect.poll(() => titles(library)).toEqual([TALK_C.title]);
    await library.getByRole('button', { name: 'Clear search and filters' }).first().click();
    await expect.poll(() => count(library)).toBe('5 resources');

    await library.getByLabel('Kind', { exact: true }).selectOption('video');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title, TALK_B.title, TALK_A.title]);
    await library.getByLabel('Tag', { exact: true }).selectOption('incidents');
    await expect.poll(() => titles(library)).toEqual([TALK_B.title]);
    await library.getByLabel('Tag', { exact: true }).selectOption('');
    await library.getByLabel('Sort', { exact: true }).selectOption('shortest');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title, TALK_B.title, TALK_A.title]);

    // Mark one learned in bulk: status and kind combine; shared and kind combine.
    await library.getByRole('checkbox', { name: TALK_B.title }).check();
    await library.getByRole('button', { name: 'Mark learned' }).click();
    await library.getByRole('status').filter({ hasText: 'Marked 1 resource as learned.' }).waitFor();
    await library.getByLabel('Status', { exact: true }).selectOption('learned');
    await expect.poll(() => titles(library)).toEqual([TALK_B.title]);
    await library.getByLabel('Status', { exact: true }).selectOption('');
    await library.getByLabel('Kind', { exact: true }).selectOption('article');
    await library.getByLabel('Shared', { exact: true }).selectOption('unshared');
    await expect.poll(() => count(library)).toBe('2 of 5 resources');
    await search.fill('friday');
    await expect.poll(() => titles(library)).toEqual([expectedMetadata('ars-1').title]);
  });

  it('an edit in the library shows in the open popup, and a change in the popup shows in the library without eating what is typed', async () => {
    ext = await launch();
    const popup = await saveThroughPopup(ext, talkUrl(TALK_A), watchPage(TALK_A, 754), { note: 'First thoughts.' });
    const library = await openLibrary(ext);
    await library.getByRole('link', { name: TALK_A.title, exact: true }).click();
    await library.getByRole('heading', { level: 1, name: TALK_A.title }).waitFor();

    await library.getByRole('textbox', { name: 'Add takeaway' }).pressSequentially('Ask before telling.');
    await library.getByRole('textbox', { name: 'Add takeaway' }).press('Enter');
    await library.getByLabel('Learned', { exact: true }).check();
    await library.getByRole('checkbox', { name: 'Shared with team' }).check();
    await library.getByLabel('How you shared it').selectOption('meeting');
    await library.getByLabel('Tags').fill('leadership, dialogue');
    await expect
      .poll(async () => (await readStore<StoredResource>(library, 'resources'))[0])
      .toMatchObject({
        takeaways: [expect.objectContaining({ text: 'Ask before telling.' })],
        status: 'learned',
        sharedHow: 'meeting',
        tags: ['leadership', 'dialogue'],
      });

    // The popup that is still open follows: status chip and shared checkbox.
    await popup.locator('.recent .chip').filter({ hasText: 'Learned' }).waitFor();
    await expect.poll(() => popup.getByRole('checkbox', { name: 'Shared with team' }).isChecked()).toBe(true);

    // Notes typed in the library are what a reopened popup shows.
    await library.getByLabel('Notes', { exact: true }).fill('First thoughts. Then: dialogue beats slides.');
    const reopened = await openPopup(ext, await tabIdFor(ext, talkUrl(TALK_A)));
    await expect
      .poll(() => reopened.getByLabel('Notes').inputValue())
      .toBe('First thoughts. Then: dialogue beats slides.');

    // The reverse: the user is typing in the library's notes when the popup unshares.
    const notes = library.getByLabel('Notes', { exact: true });
    await notes.click();
    await notes.press('End');
    await notes.pressSequentially(' Still typing');
    await reopened.getByRole('checkbox', { name: 'Shared with team' }).uncheck();
    await expect.poll(() => library.getByRole('checkbox', { name: 'Shared with team' }).isChecked()).toBe(false);
    expect(await notes.inputValue()).toBe('First thoughts. Then: dialogue beats slides. Still typing');

    // And the list, open in another tab, shows the popup's change live.
    const list = await openLibrary(ext);
    await list.locator('.res-row .chip').filter({ hasText: 'Learned' }).waitFor();
    await reopened.locator('.recent').getByRole('checkbox', { name: 'Shared with team' }).check();
    await list.locator('.res-row .chip').filter({ hasText: 'Shared with team' }).waitFor();
  });

  it('a video note is a link that opens the video at its second; the clip position is the first note’s default', async () => {
    ext = await launch();
    await saveThroughPopup(ext, talkUrl(TALK_A), watchPage(TALK_A, 754));
    const library = await openLibrary(ext);
    await library.getByRole('link', { name: TALK_A.title, exact: true }).click();
    expect(await library.getByRole('link', { name: 'Open video at 12:34' }).getAttribute('href')).toBe(
      `https://www.youtube.com/watch?v=${TALK_A.id}&t=754s`,
    );
    const at = library.getByLabel('At', { exact: true });
    expect(await at.inputValue()).toBe('12:34');
    await library.getByLabel('Note', { exact: true }).fill('Shared vision is built in dialogue');
    await library.getByRole('button', { name: 'Add note' }).click();
    const first = library.getByRole('link', { name: 'Open the video at 12:34' });
    expect(await first.getAttribute('href')).toContain('&t=754s');
    expect(await first.getAttribute('target')).toBe('_blank');

    expect(await at.inputValue()).toBe('');
    await at.fill('1:02');
    await library.getByLabel('Note', { exact: true }).fill('Why slides fail');
    await library.keyboard.press('Enter');
    expect(await library.getByRole('link', { name: 'Open the video at 1:02' }).getAttribute('href')).toContain(
      '&t=62s',
    );
    await library.getByLabel('Note at 12:34', { exact: true }).fill('Shared vision is built in dialogue, not decks');
    await expect
      .poll(async () =>
        (await readStore<StoredResource>(library, 'resources'))[0]!.clips.map(({ atSec, note }) => ({ atSec, note })),
      )
      .toEqual([
        { atSec: 62, note: 'Why slides fail' },
        { atSec: 754, note: 'Shared vision is built in dialogue, not decks' },
      ]);

    await at.fill('soon');
    await library.getByLabel('Note', { exact: true }).fill('x');
    await library.getByRole('button', { name: 'Add note' }).click();
    await library.getByRole('alert').filter({ hasText: 'like 12:34' }).waitFor();

    // Searching finds a resource by the text of its video notes too.
    await library.getByRole('link', { name: 'All resources' }).click();
    await library.getByRole('searchbox', { name: 'Search' }).fill('slides fail');
    await expect.poll(() => titles(library)).toEqual([TALK_A.title]);
  });

  it('bulk delete, then undo puts the records back exactly', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const library = await openLibrary(ext);
    // The page's clock flows as usual, and can be moved on without waiting for it.
    await library.clock.install();
    await expect.poll(() => count(library)).toBe('5 resources');
    const before = await readStore<StoredResource>(library, 'resources');

    await library.getByRole('checkbox', { name: TALK_A.title }).check();
    await library.getByRole('checkbox', { name: TALK_C.title }).check();
    await library.getByText('2 selected').waitFor();
    await library.getByLabel('Tag to add').fill('to-share');
    await library.getByRole('button', { name: 'Add tag' }).click();
    await library.getByRole('status').filter({ hasText: 'Added to-share to 2 resources.' }).waitFor();
    await library.getByRole('button', { name: 'Mark shared' }).click();
    await library.getByRole('status').filter({ hasText: 'Marked 2 resources as shared' }).waitFor();
    const tagged = await readStore<StoredResource>(library, 'resources');
    expect(
      tagged
        .filter((r) => r.tags.includes('to-share') && r.sharedAt)
        .map((r) => r.title)
        .sort(),
    ).toEqual([TALK_C.title, TALK_A.title].sort());

    await library.getByRole('button', { name: 'Delete', exact: true }).click();
    await library.getByText('Deleted 2 resources.').waitFor();
    await expect.poll(() => count(library)).toBe('3 resources');
    expect(await readStore(library, 'resources')).toHaveLength(3);

    // Well past ten seconds (the page's clock moved on, so any timer due by then has fired), and
    // after visiting another section, Undo still works.
    await library.clock.fastForward('00:11');
    await library.getByRole('link', { name: 'Journal' }).click();
    await library.getByRole('link', { name: 'Resources' }).click();
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(library)).toBe('5 resources');
    const after = await readStore<StoredResource>(library, 'resources');
    const byId = (list: StoredResource[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(tagged));
    expect(before).toHaveLength(5);
  });

  it('opened again, the library starts from the rows it kept and has what changed while it was closed', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const first = await openLibrary(ext);
    await expect.poll(() => count(first)).toBe('5 resources');
    // Once the page is idle it keeps its rows for the next visit.
    await first.waitForFunction(() => performance.getEntriesByName('library:index-kept').length > 0);
    await first.close();

    // While it is closed: a note typed in the popup, a page saved, a resource deleted.
    const popup = await openPopup(ext, await tabIdFor(ext, talkUrl(TALK_B)));
    await popup.getByLabel('Notes', { exact: true }).fill('Blameless reviews need a facilitator.');
    await expect
      .poll(async () =>
        (await readStore<StoredResource>(popup, 'resources')).some((r) => r.notes.includes('facilitator')),
      )
      .toBe(true);
    await popup.close();
    const saver = await saveThroughPopup(
      ext,
      'https://blog.example.org/2026/open-journalism',
      articleFixture('medium-1'),
    );
    const arsTitle = expectedMetadata('ars-1').title;
    const ars = (await readStore<StoredResource>(saver, 'resources')).find((r) => r.title === arsTitle)!;
    const own = await openLibrary(ext, `resource/${encodeURIComponent(ars.id)}`);
    await own.getByRole('button', { name: 'Delete this resource' }).click();
    await own.getByText(`Deleted “${arsTitle}”.`).waitFor();
    await own.close();

    const library = await openLibrary(ext);
    await expect.poll(() => count(library)).toBe('5 resources');
    // The count can show before the rows are ready (it is counted beside them): wait for the mark.
    await expect
      .poll(() =>
        library.evaluate(
          () =>
            (performance.getEntriesByName('library:index-ready')[0] as PerformanceMark | undefined)?.detail?.fromCopy,
        ),
      )
      .toBe(true);
    const search = library.getByRole('searchbox', { name: 'Search' });
    await search.fill('facilitator');
    await expect.poll(() => titles(library)).toEqual([TALK_B.title]);
    await search.fill('journalism');
    await expect.poll(() => titles(library)).toEqual([expectedMetadata('medium-1').title]);
    await search.fill('friday');
    await expect.poll(() => count(library)).toBe('0 of 5 resources');
  });

  it('a resource deleted from its own page can be undone from the list', async () => {
    ext = await launch();
    await saveThroughPopup(ext, ARS, articleFixture('ars-1'), { note: 'keep me' });
    const library = await openLibrary(ext);
    const title = expectedMetadata('ars-1').title;
    await library.getByRole('link', { name: title, exact: true }).click();
    await library.getByRole('heading', { level: 1, name: title }).waitFor();
    const [record] = await readStore<StoredResource>(library, 'resources');
    await library.getByRole('button', { name: 'Delete this resource' }).click();
    await library.getByText(`Deleted “${title}”.`).waitFor();
    await library.getByRole('heading', { name: 'Your library is empty, for now' }).waitFor();
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => titles(library)).toEqual([title]);
    expect(await readStore(library, 'resources')).toEqual([record]);
  });

  it('speaks Swedish', async () => {
    ext = await launch({ lang: 'sv' });
    const library = await openLibrary(ext);
    await library.getByRole('heading', { name: 'Ditt bibliotek är tomt, än så länge' }).waitFor();
    expect(await library.getByText('Dagar i rad', { exact: true }).count()).toBe(1);
    expect(await library.getByRole('link', { name: 'Importera under Inställningar' }).count()).toBe(1);
  });

  it('the list is navigable by keyboard', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const library = await openLibrary(ext);
    await expect.poll(() => count(library)).toBe('5 resources');
    await library.keyboard.press('/');
    await expect.poll(() => library.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await library.locator('.res-row .res-title').first().focus();
    await library.keyboard.press('ArrowDown');
    await library.keyboard.press('ArrowDown');
    const focused = () => library.evaluate(() => document.activeElement?.textContent);
    await expect.poll(focused).toBe((await titles(library))[2]);
    await library.keyboard.press('End');
    await expect.poll(focused).toBe((await titles(library))[4]);
    const last = (await titles(library))[4]!;
    await library.keyboard.press('Enter');
    await library.getByRole('heading', { level: 1, name: last }).waitFor();
  });
});
