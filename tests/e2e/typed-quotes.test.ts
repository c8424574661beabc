import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, putRecords, readStore, type Launched } from './harness';
import { openLibrary } from './library-helpers';

// Issue #51: a book can be logged but cannot hold a quote. Now: a quote typed on it, with its page.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

interface StoredBook {
  id: string;
  kind: string;
  quotes?: { id: string; exact: string; note: string; location?: { page?: string; loc?: string } }[];
}
interface StoredCard {
  id: string;
  itemKind: string;
  itemId: string;
  due?: number;
}

describe('a quote typed on a book', () => {
  it('logs a book, types a quote with page 12 on its page, and meets it in the review with its page', async () => {
    ext = await launch();
    const library = await openLibrary(ext);
    await library.getByRole('link', { name: 'Log learning' }).click();
    await library.getByRole('heading', { name: 'Log learning that has no link' }).waitFor();
    await library.getByLabel('Kind of learning').selectOption({ label: 'Book' });
    await library.getByLabel('Title').fill('The Fifth Discipline');
    await library.getByRole('button', { name: 'Log it' }).click();
    await library.getByRole('heading', { name: 'The Fifth Discipline', level: 1 }).waitFor();

    const form = library.getByRole('form', { name: 'Add a quote' });
    // Nothing is refused before the user tries.
    expect(await form.getByRole('alert').count()).toBe(0);
    await form.getByLabel('Quote').fill('A shared vision is a vision\nmany people are truly committed to.');
    await form.getByLabel('Page').fill('12');
    await form.getByRole('button', { name: 'Add quote' }).click();
    await form.getByRole('status').filter({ hasText: 'Quote added.' }).waitFor();
    const row = library.locator('.res-quote', { hasText: 'A shared vision is a vision many people' });
    await row.getByText('p. 12').waitFor();
    // The form is empty for the next one; a typed quote offers no link to a page.
    expect(await form.getByLabel('Quote').inputValue()).toBe('');
    expect(await form.getByLabel('Page').inputValue()).toBe('');
    expect(await row.locator('.res-quote-open').count()).toBe(0);

    const [book] = await readStore<StoredBook>(library, 'resources');
    expect(book!.kind).toBe('activity');
    expect(book!.quotes).toEqual([
      expect.objectContaining({
        exact: 'A shared vision is a vision many people are truly committed to.',
        location: { page: '12' },
      }),
    ]);

    // Its card is first due tomorrow; the test moves it to this morning, as a day passing would.
    const cards = await readStore<StoredCard>(library, 'reviews');
    const card = cards.find((c) => c.itemKind === 'quote' && c.itemId === book!.quotes![0]!.id);
    expect(card!.due! - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await putRecords(library, 'reviews', [{ ...card, due: Date.now() - 3_600_000 }]);

    await library.goto(extensionUrl(ext, 'library.html#review'));
    const reviewCard = library.locator('.review-card', { hasText: 'A shared vision is a vision' });
    await reviewCard.getByText('From The Fifth Discipline').waitFor();
    await reviewCard.locator('.review-detail', { hasText: 'p. 12' }).waitFor();
  });
});
