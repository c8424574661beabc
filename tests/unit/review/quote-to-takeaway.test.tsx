import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ResourcePage } from '../../../components/library/ResourcePage';
import { addQuote } from '../../../lib/app/quotes';
import { addClip } from '../../../lib/app/resources';
import { answerReview, cardsOfResource, listDueReviews } from '../../../lib/app/review';
import { addTakeaways, takeawayFromItem } from '../../../lib/app/takeaways';
import { saveResource } from '../../../lib/db/resources';
import { countAnswers, DAY, endOfLocalDay, handOverCard, newReviewCard } from '../../../lib/model/review-card';
import type { Quote } from '../../../lib/model/quote';
import { SYNC_ACCOUNT_KEY } from '../../../lib/sync/connection';
import { setNow } from '../background-harness';

// "A quote turned into a takeaway comes up twice in one review."

const T0 = new Date('2026-03-09T09:00:00Z').getTime();

const quote = (id: string, exact: string, at: number): Quote => ({
  id,
  exact,
  prefix: 'Teams that ',
  suffix: ' recover faster.',
  note: '',
  createdAt: at,
});

async function pageWithQuote(at: number) {
  setNow(at);
  const { resource } = await saveResource({
    url: 'https://example.org/dora',
    canonicalUrl: 'https://example.org/dora',
    kind: 'article',
    title: 'Accelerate',
  });
  return (await addQuote(resource.id, quote('q1', 'deploy in small batches', at), at))!;
}

/** Every card the review would bring over the coming year, day by day: what one session can show. */
async function sessions(from: number): Promise<string[][]> {
  const out: string[][] = [];
  for (let day = 0; day < 365; day++) {
    const due = await listDueReviews(endOfLocalDay(from + day * DAY));
    if (due.length)
      out.push(due.map((d) => `${d.card.itemKind}:${d.item.kind === 'takeaway' ? d.item.item.text : ''}`));
  }
  return out;
}

describe('a quote turned into a takeaway', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  it('its card retires with its history, and the takeaway’s card takes its place: never both in a review', async () => {
    const resource = await pageWithQuote(T0);
    // Reviewed once the next day: the quote's card has a schedule and a history.
    const tomorrow = T0 + DAY;
    setNow(tomorrow);
    const [due] = await listDueReviews(endOfLocalDay(tomorrow));
    expect(due!.card.itemKind).toBe('quote');
    const answered = (await answerReview(due!.card.id, 'useful', tomorrow))!.card;

    const later = T0 + 2 * DAY;
    setNow(later);
    const updated = (await takeawayFromItem(
      resource.id,
      { kind: 'quote', id: 'q1' },
      '“deploy in small batches”',
      later,
    ))!;
    const takeaway = updated.takeaways[0]!;
    expect(takeaway.text).toBe('“deploy in small batches”');

    const cards = await cardsOfResource(resource.id);
    const quoteCard = cards.find((c) => c.itemKind === 'quote')!;
    const takeawayCard = cards.find((c) => c.itemKind === 'takeaway')!;
    expect(quoteCard.retiredAt).toBe(later);
    expect(quoteCard.due).toBeUndefined();
    // History kept, and nothing added to it: the user answered nothing.
    expect(quoteCard.history).toEqual([{ at: tomorrow, answer: 'useful' }]);
    expect(countAnswers(cards, T0, later + 1)).toBe(1);
    // The takeaway comes back when the quote would have, as far along as the quote was.
    expect(takeawayCard).toMatchObject({ itemId: takeaway.id, due: answered.due, reps: answered.reps, history: [] });

    const shown = await sessions(later);
    expect(shown.length).toBeGreaterThan(0);
    for (const session of shown) expect(session).toEqual(['takeaway:“deploy in small batches”']);
  });

  it('a quote whose card was retired already: the takeaway gets a card of its own, the quote’s stays as it was', async () => {
    const resource = await pageWithQuote(T0);
    setNow(T0 + DAY);
    const [due] = await listDueReviews(endOfLocalDay(T0 + DAY));
    const retired = (await answerReview(due!.card.id, 'retire', T0 + DAY))!.card;
    await takeawayFromItem(resource.id, { kind: 'quote', id: 'q1' }, 'Small batches', T0 + 2 * DAY);
    const cards = await cardsOfResource(resource.id);
    expect(cards.find((c) => c.itemKind === 'quote')).toEqual(retired);
    expect(cards.find((c) => c.itemKind === 'takeaway')!.due).toBe(T0 + 3 * DAY);
  });

  it('a takeaway card with answers of its own keeps its schedule', () => {
    const from = newReviewCard('r', 'quote', 'q', T0, T0);
    const to = {
      ...newReviewCard('r', 'takeaway', 't', T0, T0),
      reps: 2,
      history: [{ at: T0, answer: 'useful' as const }],
    };
    const handed = handOverCard(from, to, T0 + DAY)!;
    expect(handed.successor).toBe(to);
    expect(handed.retired.retiredAt).toBe(T0 + DAY);
  });

  it('made a takeaway before this fix (both cards still due): the review brings the takeaway alone', async () => {
    const resource = await pageWithQuote(T0);
    // As "Make it a takeaway" wrote it before: a takeaway with its own card, the quote's left due.
    await addTakeaways(resource.id, '“deploy in small batches” — our release train', T0);
    expect((await cardsOfResource(resource.id)).filter((c) => c.due !== undefined)).toHaveLength(2);
    const shown = await sessions(T0);
    expect(shown.length).toBeGreaterThan(0);
    for (const session of shown) expect(session).toEqual(['takeaway:“deploy in small batches” — our release train']);
  });

  it('the retirement is marked for sync with the resource’s cards', async () => {
    await browser.storage.local.set({ [SYNC_ACCOUNT_KEY]: { server: 'https://couch.example.org', user: 'me' } });
    const resource = await pageWithQuote(T0);
    await browser.storage.local.remove(
      Object.keys(await browser.storage.local.get(null)).filter((key) => key.startsWith('syncOut/')),
    );
    await takeawayFromItem(resource.id, { kind: 'quote', id: 'q1' }, 'Small batches', T0 + DAY);
    await vi.waitFor(async () =>
      expect(Object.keys(await browser.storage.local.get(null))).toContain(`syncOut/reviews/${resource.id}`),
    );
  });

  it('from the resource page: “Make it a takeaway” leaves one card for the passage in the review', async () => {
    const resource = await pageWithQuote(T0);
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<ResourcePage id={resource.id} />, root);
    });
    const make = await vi.waitFor(() => {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Make it a takeaway');
      expect(button).toBeTruthy();
      return button!;
    });
    await act(async () => make.click());
    await vi.waitFor(async () => expect((await cardsOfResource(resource.id)).some((c) => c.retiredAt)).toBe(true));
    render(null, root);
    root.remove();
    const shown = await sessions(T0);
    expect(shown.length).toBeGreaterThan(0);
    for (const session of shown) expect(session).toEqual(['takeaway:“deploy in small batches”']);
  });

  it('from the resource page: a clip made a takeaway hands its card over, and the review brings the takeaway alone', async () => {
    setNow(T0);
    const { resource } = await saveResource({
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      kind: 'video',
      title: 'Contributing to GitLab',
      videoId: 'dQw4w9WgXcQ',
      durationSec: 2537,
    });
    await addClip(resource.id, { id: 'c1', atSec: 95, note: 'Run the tests before the first change', createdAt: T0 });
    await addClip(resource.id, { id: 'c2', atSec: 300, note: '', createdAt: T0 });
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<ResourcePage id={resource.id} />, root);
    });
    const make = await vi.waitFor(() => {
      const buttons = [...root.querySelectorAll('button')].filter((b) => b.textContent === 'Make it a takeaway');
      // The clip with no words has nothing to teach: it offers no takeaway.
      expect(buttons).toHaveLength(1);
      return buttons[0]!;
    });
    expect(make.getAttribute('aria-label')).toBe('Make it a takeaway: “1:35 Run the tests before the first change”');
    await act(async () => make.click());
    await vi.waitFor(() => expect(root.textContent).toContain('Added to your takeaways.'));
    const cards = await cardsOfResource(resource.id);
    expect(cards.find((c) => c.itemKind === 'clip' && c.itemId === 'c1')!.retiredAt).toBe(T0);
    render(null, root);
    root.remove();
    const shown = await sessions(T0);
    expect(shown.length).toBeGreaterThan(0);
    for (const session of shown) {
      expect(session).toContain('takeaway:1:35 Run the tests before the first change');
      // The wordless clip may come too; the clip made a takeaway never does.
      expect(session.filter((entry) => entry.startsWith('clip:')).length).toBeLessThanOrEqual(1);
    }
  });
});
