import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewQueue } from '../../../components/review/ReviewQueue';
import { answerReview, cardsOfResource, listDueReviews } from '../../../lib/app/review';
import { addTakeaways } from '../../../lib/app/takeaways';
import { undo } from '../../../lib/app/undo';
import { saveResource } from '../../../lib/db/resources';
import { DAY, endOfLocalDay } from '../../../lib/model/review-card';
import { setNow } from '../background-harness';

// Two windows show the same due card (the popup and the library, or two library tabs) and both
// answer it: one answer counts, the other window says the card was answered elsewhere.

const T0 = new Date('2026-12-07T09:00:00Z').getTime();
const TOMORROW = T0 + DAY;

async function dueTomorrow(lines: string) {
  setNow(T0);
  const { resource } = await saveResource({
    url: 'https://example.org/sre',
    canonicalUrl: 'https://example.org/sre',
    kind: 'article',
    title: 'Site Reliability Engineering',
  });
  await addTakeaways(resource.id, lines, T0);
  setNow(TOMORROW);
  return resource;
}

describe('two windows answering one review card (application layer)', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  it('the second answer against the same read version does not count, and says so', async () => {
    const resource = await dueTomorrow('- Blameless postmortems');
    // Both windows read the queue before either answers.
    const [inPopup] = await listDueReviews(endOfLocalDay(TOMORROW));
    const [inLibrary] = await listDueReviews(endOfLocalDay(TOMORROW));
    const first = await answerReview(inPopup!.card.id, 'applied', TOMORROW, inPopup!.card);
    const second = await answerReview(inLibrary!.card.id, 'useful', TOMORROW + 1000, inLibrary!.card);
    expect(first?.alreadyAnswered).toBeFalsy();
    expect(second?.alreadyAnswered).toBe(true);
    expect(second?.undo).toBeUndefined();
    const [card] = await cardsOfResource(resource.id);
    expect(card!.history.map((h) => h.answer)).toEqual(['applied']);
    expect(card!.due).toBe(first!.card.due);
  });

  it('after an Undo the card is as it was read, so the other window’s answer counts', async () => {
    const resource = await dueTomorrow('- Error budgets');
    const [read] = await listDueReviews(endOfLocalDay(TOMORROW));
    const first = await answerReview(read!.card.id, 'applied', TOMORROW, read!.card);
    await undo(first!.undo!.id);
    const second = await answerReview(read!.card.id, 'useful', TOMORROW, read!.card);
    expect(second?.alreadyAnswered).toBeFalsy();
    const [card] = await cardsOfResource(resource.id);
    expect(card!.history.map((h) => h.answer)).toEqual(['useful']);
  });
});

describe('two windows answering one review card (view)', () => {
  const roots: HTMLElement[] = [];
  async function mount(view: preact.ComponentChild): Promise<HTMLElement> {
    const root = document.createElement('div');
    document.body.append(root);
    roots.push(root);
    await act(async () => {
      render(view, root);
    });
    return root;
  }
  afterEach(() => {
    for (const root of roots.splice(0)) {
      render(null, root);
      root.remove();
    }
    vi.useRealTimers();
  });

  it('the window that answers second says “Already answered in another window” and drops the card', async () => {
    const resource = await dueTomorrow('- Blameless postmortems\n- Error budgets');
    const due = await listDueReviews(endOfLocalDay(TOMORROW));
    const counted: number[] = [];
    const first = await mount(<ReviewQueue reviews={due} onChanged={() => undefined} onMakeAction={() => undefined} />);
    const second = await mount(
      <ReviewQueue reviews={due} onChanged={(n) => counted.push(n)} onMakeAction={() => undefined} />,
    );
    const shown = (root: HTMLElement) => [...root.querySelectorAll('.review-text')].map((p) => p.textContent);
    const click = (root: HTMLElement) =>
      act(async () => {
        root.querySelector<HTMLButtonElement>('.review-card button')!.click();
      });

    await click(first);
    await vi.waitFor(() => expect(first.querySelector('[role=status]')?.textContent).toMatch(/^Applied it/));
    await click(second);
    await vi.waitFor(() =>
      expect(second.querySelector('[role=status]')?.textContent).toBe('Already answered in another window.'),
    );
    // No Undo for an answer that did not count; the card leaves this queue too.
    expect(second.querySelector('[role=status] button')).toBeNull();
    expect(shown(second)).toEqual(['Error budgets']);
    expect(counted).toEqual([]);
    const cards = await cardsOfResource(resource.id);
    const answered = cards.find((card) => card.history.length > 0);
    expect(answered?.history.map((h) => h.answer)).toEqual(['applied']);
    expect(cards.filter((card) => card.history.length > 0)).toHaveLength(1);
  });
});
