import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleFixture, extensionUrl, launch, openPopup, readStore, tabIdFor, type Launched } from './harness';
import { ARS, saveThroughPopup, type StoredResource } from './library-helpers';

// Never lose a note to another writer: two library tabs, the popup and the library.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

type Stored = StoredResource & { conflicts?: { field: string; text: string }[] };

async function resourcePage(launched: Launched, id: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, `library.html#resource/${encodeURIComponent(id)}`));
  await page.getByLabel('Notes', { exact: true }).waitFor();
  return page;
}

const stored = async (page: Page) => (await readStore<Stored>(page, 'resources'))[0]!;

describe('two writers of one note', () => {
  it('two library tabs in turn: an unfocused field follows at once; both typing keeps both, shown, one click to choose', async () => {
    ext = await launch();
    const popup = await saveThroughPopup(ext, ARS, articleFixture('ars-1'));
    const { id } = await stored(popup);
    const a = await resourcePage(ext, id);
    const b = await resourcePage(ext, id);
    const notesA = a.getByLabel('Notes', { exact: true });
    const notesB = b.getByLabel('Notes', { exact: true });

    // A types while B only shows the page: B's field shows A's words.
    await notesA.pressSequentially('From tab A.');
    await expect.poll(() => notesB.inputValue()).toBe('From tab A.');

    // Both type: B was in its field (with A's text) before A went on.
    await notesB.click();
    await notesB.press('End');
    await notesA.press('End');
    await notesA.pressSequentially(' More from A.');
    await expect.poll(async () => (await stored(a)).notes).toBe('From tab A. More from A.');
    await notesB.pressSequentially(' And B.');
    await expect.poll(async () => (await stored(b)).notes).toBe('From tab A. And B.');
    // A's words were not overwritten: they are kept beside B's, and B says so.
    expect((await stored(b)).conflicts?.map((c) => c.text)).toEqual(['From tab A. More from A.']);
    const conflict = b.getByRole('region', { name: 'Also edited elsewhere.' });
    await conflict.getByText('From tab A. More from A.').waitFor();
    await a.getByRole('region', { name: 'Also edited elsewhere.' }).waitFor();

    // One click: B takes A's version.
    await conflict.getByRole('button', { name: 'Use this version' }).click();
    await expect.poll(async () => (await stored(b)).notes).toBe('From tab A. More from A.');
    expect((await stored(b)).conflicts ?? []).toEqual([]);
    await expect.poll(() => notesB.inputValue()).toBe('From tab A. More from A.');
    await expect.poll(() => b.getByRole('region', { name: 'Also edited elsewhere.' }).count()).toBe(0);
  });

  it('the popup and the library: what the popup added and its tags survive the library’s next keystroke', async () => {
    ext = await launch();
    const first = await saveThroughPopup(ext, ARS, articleFixture('ars-1'), { note: 'Read again.' });
    const { id } = await stored(first);
    const library = await resourcePage(ext, id);
    const notes = library.getByLabel('Notes', { exact: true });
    await notes.click();
    await notes.press('End');

    // Meanwhile the popup, open on the same page, adds a tag and a line to the note.
    const popup = await openPopup(ext, await tabIdFor(ext, ARS));
    const popupNotes = popup.getByLabel('Notes');
    await expect.poll(() => popupNotes.inputValue()).toBe('Read again.');
    await popupNotes.press('End');
    await popupNotes.pressSequentially(' Ask Kim.');
    await popup.getByLabel('Tags').fill('follow-up');
    await expect.poll(async () => (await stored(popup)).tags).toEqual(['follow-up']);

    // The library, whose field still shows the old text, types on.
    await notes.pressSequentially(' Try it Monday.');
    await expect.poll(async () => (await stored(library)).notes).toBe('Read again. Try it Monday.');
    const after = await stored(library);
    expect(after.tags).toEqual(['follow-up']);
    expect(after.conflicts?.map((c) => c.text)).toEqual(['Read again. Ask Kim.']);
  });

  it('tags as sets: the popup’s tag survives the library’s typing in its focused Tags field; a tag deleted there stays deleted', async () => {
    ext = await launch();
    const first = await saveThroughPopup(ext, ARS, articleFixture('ars-1'));
    const { id } = await stored(first);
    const library = await resourcePage(ext, id);
    const tags = library.getByLabel('Tags', { exact: true });
    await tags.click();
    await tags.pressSequentially('libtag-r4x');
    await expect.poll(async () => (await stored(library)).tags).toEqual(['libtag-r4x']);

    // The popup, open on the same page, adds a tag while the library's field keeps the focus.
    const popup = await openPopup(ext, await tabIdFor(ext, ARS));
    const popupTags = popup.getByLabel('Tags');
    await expect.poll(() => popupTags.inputValue()).toBe('libtag-r4x');
    await popupTags.press('End');
    await popupTags.pressSequentially(', popuptag-t5x');
    await expect.poll(async () => (await stored(popup)).tags).toEqual(['libtag-r4x', 'popuptag-t5x']);

    // The library types on in its field, which still shows only its own tag, at a person's pace
    // (each key's write done before the next key: typed faster, the writes overlapped and hid it).
    await tags.press('End');
    await tags.pressSequentially(', libtag-y6x', { delay: 80 });
    await expect
      .poll(async () => [...(await stored(library)).tags].sort())
      .toEqual(['libtag-r4x', 'libtag-y6x', 'popuptag-t5x']);
    // Left, the field shows every stored tag.
    await library.getByLabel('Notes', { exact: true }).click();
    await expect.poll(() => tags.inputValue()).toBe('libtag-r4x, popuptag-t5x, libtag-y6x');

    // The library deletes its first tag: removed, the popup's kept.
    await tags.fill('popuptag-t5x, libtag-y6x');
    await expect.poll(async () => [...(await stored(library)).tags].sort()).toEqual(['libtag-y6x', 'popuptag-t5x']);
  });
});
