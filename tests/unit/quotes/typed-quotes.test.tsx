import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResourcePage } from '../../../components/library/ResourcePage';
import { logActivity } from '../../../lib/app/activities';
import { addQuote, editQuoteLocation, editQuoteNote, typeQuote } from '../../../lib/app/quotes';
import { getResource } from '../../../lib/app/resources';
import { cardsOfResource, listDueReviews } from '../../../lib/app/review';
import { loadSource } from '../../../lib/app/action-sources';
import { newActionHref } from '../../../lib/actions/source';
import { takeawayFromItem } from '../../../lib/app/takeaways';
import { collectDigest } from '../../../lib/app/share-reads';
import { digestMarkdown } from '../../../lib/share/digest';
import { DAY, endOfLocalDay } from '../../../lib/model/review-card';
import { describeReviewItem } from '../../../lib/review/describe';
import { toRow } from '../../../lib/library/filter';
import { matchesTerms, queryTerms } from '../../../lib/library/search';
import { setNow } from '../background-harness';

// Issue #51: "a book can be logged but cannot hold a quote (quotes come only from selecting text on a page)".

const T0 = new Date('2026-12-08T09:00:00Z').getTime();
const draft = (text: string, page = '', loc = '', note = '') => ({ text, page, loc, note });

async function logBook(at = T0) {
  setNow(at);
  const logged = await logActivity(
    { type: 'book', title: 'The Fifth Discipline', happenedOn: '2026-12-07', author: 'Peter Senge' },
    at,
  );
  if (!logged.ok) throw new Error('not logged');
  return logged.resource;
}

describe('typing a quote on a book (lib/app/quotes.ts typeQuote)', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  it('keeps the words with their page and location, and the quote comes up in the next day’s review', async () => {
    const book = await logBook();
    const result = await typeQuote(
      book.id,
      draft('Team learning is\n  the process of aligning a team.', '12', '170-172', 'For the retro'),
    );
    expect(result.problem).toBeUndefined();
    const stored = await getResource(book.id);
    expect(stored!.quotes).toEqual([
      {
        id: result.quote!.id,
        exact: 'Team learning is the process of aligning a team.',
        note: 'For the retro',
        createdAt: T0,
        location: { page: '12', loc: '170-172' },
      },
    ]);
    expect(await listDueReviews(endOfLocalDay(T0))).toEqual([]);
    const [due, ...others] = await listDueReviews(endOfLocalDay(T0 + DAY));
    expect(others).toEqual([]);
    expect(due!.card.itemKind).toBe('quote');
    // The review shows where it stands in the book beside the note.
    expect(describeReviewItem(due!.item)).toEqual({
      text: '“Team learning is the process of aligning a team.”',
      detail: 'p. 12 · loc. 170–172 · For the retro',
    });
  });

  it('says why it keeps nothing: no words, too long, a location too long; the same words at the same place are one quote', async () => {
    const book = await logBook();
    expect(await typeQuote(book.id, draft('   \n  ', '12'))).toEqual({ problem: 'empty' });
    expect(await typeQuote(book.id, draft('x'.repeat(4_001)))).toEqual({ problem: 'too-long' });
    expect(await typeQuote(book.id, draft('Fine words', 'x'.repeat(25)))).toEqual({ problem: 'location-too-long' });
    expect(await typeQuote(book.id, draft('Fine words', '', '', 'n'.repeat(2_001)))).toEqual({
      problem: 'note-too-long',
    });
    expect((await getResource(book.id))!.quotes).toBeUndefined();
    expect(await cardsOfResource(book.id)).toEqual([]);
    expect((await typeQuote(book.id, draft('Fine words', '3'))).problem).toBeUndefined();
    expect(await typeQuote(book.id, draft('Fine words', ' 3 '))).toEqual({ problem: 'already' });
    // The same words on another page are another quote.
    expect((await typeQuote(book.id, draft('Fine words', '4'))).problem).toBeUndefined();
    expect((await getResource(book.id))!.quotes).toHaveLength(2);
    expect(await typeQuote('gone', draft('Fine words'))).toEqual({ problem: 'gone' });
  });

  it('meets a second writer: a quote another window added meanwhile stays, and both typed at once are both kept', async () => {
    const book = await logBook();
    // This window read the book with no quotes; another window adds one before this one saves.
    const seen = await getResource(book.id);
    expect(seen!.quotes).toBeUndefined();
    await addQuote(book.id, { id: 'other', exact: 'From the other window', note: '', createdAt: T0 }, T0);
    await typeQuote(book.id, draft('From this window', '7'), T0 + 1);
    // And two at the same moment (two tabs, one click each), with a note edited meanwhile.
    await Promise.all([
      typeQuote(book.id, draft('Tab one', '8'), T0 + 2),
      typeQuote(book.id, draft('Tab two', '9'), T0 + 2),
      editQuoteNote(book.id, 'other', 'edited elsewhere', T0 + 2),
    ]);
    const quotes = (await getResource(book.id))!.quotes!;
    expect(quotes.map((q) => [q.exact, q.location?.page, q.note])).toEqual([
      ['From the other window', undefined, 'edited elsewhere'],
      ['From this window', '7', ''],
      ['Tab one', '8', ''],
      ['Tab two', '9', ''],
    ]);
    expect((await cardsOfResource(book.id)).filter((c) => c.itemKind === 'quote')).toHaveLength(4);
  });

  it('is a quote like any other: found by search, an action starts from it, it becomes a takeaway, it is in the digest', async () => {
    const book = await logBook();
    const { quote } = await typeQuote(book.id, draft('Personal mastery is a discipline', 'xiv'));
    const stored = (await getResource(book.id))!;
    expect(matchesTerms(toRow(stored).text, queryTerms('mastery discipline'))).toBe(true);
    // "Turn into an action" starts from its words.
    const href = newActionHref('resource', book.id, { kind: 'quote', id: quote!.id });
    const source = await loadSource(new URLSearchParams(href.split('?')[1]).get('from')!);
    expect(source?.detail).toBe('“Personal mastery is a discipline” · p. xiv');
    // This week's digest lists it with its page, and no link to a passage that does not exist.
    const digest = await collectDigest({ start: T0 - DAY, end: T0 + DAY });
    const markdown = digestMarkdown(digest);
    expect(markdown).toContain('> Personal mastery is a discipline');
    expect(markdown).toContain('p. xiv');
    expect(markdown).not.toContain('open at the quote');
    const made = await takeawayFromItem(book.id, { kind: 'quote', id: quote!.id }, '“Personal mastery”', T0 + 1);
    expect(made!.takeaways.map((t) => t.text)).toEqual(['“Personal mastery”']);
  });
});

describe('a quote’s page corrected in place', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  it('keeps the note another window wrote meanwhile; emptied, the location is gone', async () => {
    const book = await logBook();
    const { quote } = await typeQuote(book.id, draft('Dialogue, not discussion.', '21', '300-301'));
    await Promise.all([
      editQuoteLocation(book.id, quote!.id, { page: '12', loc: '300-301' }, T0 + 1),
      editQuoteNote(book.id, quote!.id, 'From the other window', T0 + 1),
    ]);
    expect((await getResource(book.id))!.quotes).toEqual([
      { ...quote, note: 'From the other window', location: { page: '12', loc: '300-301' } },
    ]);
    await editQuoteLocation(book.id, quote!.id, { page: ' ', loc: '' }, T0 + 2);
    expect((await getResource(book.id))!.quotes![0]).not.toHaveProperty('location');
  });

  it('from the quote row: the page typed under “Page and location” is stored and shown', async () => {
    const book = await logBook();
    await typeQuote(book.id, draft('Dialogue, not discussion.', '21'));
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<ResourcePage id={book.id} />, root);
    });
    const page = await vi.waitFor(() => {
      const found = root.querySelector<HTMLInputElement>('.res-quote-place-page');
      expect(found?.value).toBe('21');
      return found!;
    });
    expect(page.getAttribute('aria-label')).toBe('Page of the quote “Dialogue, not discussion.”');
    await act(async () => {
      page.value = '12';
      page.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await getResource(book.id))!.quotes![0]!.location).toEqual({ page: '12' }));
    await vi.waitFor(() => expect(root.querySelector('.res-quote-where')?.textContent).toContain('p. 12'));
    render(null, root);
    root.remove();
  });
});

describe('“Add a quote” on a book’s page', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  const type = (field: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('types a quote with page 12: listed with “p. 12”, the form empties, and tomorrow’s review brings it', async () => {
    const book = await logBook();
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<ResourcePage id={book.id} />, root);
    });
    const form = await vi.waitFor(() => {
      const found = root.querySelector<HTMLFormElement>('form.res-quote-add');
      expect(found).toBeTruthy();
      return found!;
    });
    const button = [...form.querySelectorAll('button')].find((b) => b.textContent === 'Add quote')!;
    // Nothing is said before the user tries.
    expect(form.querySelector('[role="alert"]')).toBeNull();
    await act(async () => button.click());
    await vi.waitFor(() =>
      expect(form.querySelector('[role="alert"]')?.textContent).toContain("Type the quote's words"),
    );

    const text = form.querySelector<HTMLTextAreaElement>('.res-quote-add-text')!;
    const page = form.querySelector<HTMLInputElement>('.res-quote-add-page')!;
    await act(async () => {
      type(text, 'A shared vision is a vision\nmany people are truly committed to.');
      type(page, '12');
    });
    // Typing again clears the refusal.
    expect(form.querySelector('[role="alert"]')).toBeNull();
    await act(async () => button.click());
    await vi.waitFor(() => {
      const row = root.querySelector('.res-quote');
      expect(row?.textContent).toContain('A shared vision is a vision many people are truly committed to.');
      expect(row?.querySelector('.res-quote-where')?.textContent).toContain('p. 12');
    });
    expect(text.value).toBe('');
    expect(page.value).toBe('');
    expect(form.textContent).toContain('Quote added.');
    // A typed quote has no passage on a page to open, and no "kept without its place" excuse.
    expect(root.querySelector('.res-quote-open')).toBeNull();
    expect(root.textContent).not.toContain('Kept without its place');
    // The quote row's buttons work on it as on any quote.
    expect([...root.querySelectorAll('.res-quote button')].map((b) => b.textContent)).toContain('Make it a takeaway');
    render(null, root);
    root.remove();

    const due = await listDueReviews(endOfLocalDay(T0 + DAY));
    expect(due.map((d) => describeReviewItem(d.item))).toEqual([
      { text: '“A shared vision is a vision many people are truly committed to.”', detail: 'p. 12' },
    ]);
  });
});
