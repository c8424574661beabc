import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVIEW_QUEUE_SHOWN, ReviewSection } from '../../../components/library/ReviewSection';
import { ReviewQueue } from '../../../components/review/ReviewQueue';
import { cardsOfResource, listDueReviews } from '../../../lib/app/review';
import { addTakeaways } from '../../../lib/app/takeaways';
import { saveResource } from '../../../lib/db/resources';
import { DAY, endOfLocalDay } from '../../../lib/model/review-card';
import { setNow } from '../background-harness';

// The caller's list reloads a moment after an answer; the queue must not show the answered card
// on top meanwhile (a second click or key would answer it again, or land on the wrong card).

const T0 = new Date('2026-03-09T09:00:00Z').getTime();

/** A resource with takeaways written at T0, and the clock a day later, when they are due. */
async function takeawaysDueTomorrow(url: string, title: string, lines: string) {
  setNow(T0);
  const { resource } = await saveResource({ url, canonicalUrl: url, kind: 'article', title });
  await addTakeaways(resource.id, lines, T0);
  setNow(T0 + DAY);
  return resource;
}

describe('the review queue (view)', () => {
  let root: HTMLElement;
  /** Renders `view` into a fresh root in the document, its effects run. */
  async function mount(view: ComponentChild): Promise<void> {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(view, root);
    });
  }
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  it('an answered card leaves at once, the limit holds, and Undo brings it back, before the list reloads', async () => {
    await takeawaysDueTomorrow(
      'https://example.org/sre',
      'Site Reliability Engineering',
      '- Blameless postmortems\n- Error budgets\n- Toil budgets',
    );
    // Read once and never reloaded: the stale list a caller holds right after an answer.
    const due = await listDueReviews(endOfLocalDay(T0 + DAY));
    const changes: number[] = [];
    await mount(
      <ReviewQueue reviews={due} limit={2} onChanged={(n) => changes.push(n)} onMakeAction={() => undefined} />,
    );
    const shown = () => [...root.querySelectorAll('.review-text')].map((p) => p.textContent);
    expect(shown()).toEqual(['Blameless postmortems', 'Error budgets']);

    await act(async () => {
      root.querySelector<HTMLButtonElement>('.review-card button')!.click();
    });
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Applied it/));
    expect(shown()).toEqual(['Error budgets', 'Toil budgets']);
    expect(changes).toEqual([1]);

    const undoButton = [...root.querySelectorAll<HTMLButtonElement>('[role=status] button')].find(
      (b) => b.textContent === 'Undo',
    )!;
    await act(async () => {
      undoButton.click();
    });
    await vi.waitFor(() => expect(changes).toEqual([1, 0]));
    expect(shown()).toEqual(['Blameless postmortems', 'Error budgets']);
  });

  it('the Review section reads and shows a screenful of a long queue, says how many are due, and brings the next one up after an answer', async () => {
    const count = REVIEW_QUEUE_SHOWN + 5;
    const lines = Array.from({ length: count }, (_, i) => `- Takeaway number ${i + 1}`).join('\n');
    await takeawaysDueTomorrow('https://example.org/imported', 'An imported library', lines);
    await mount(<ReviewSection />);
    const cards = () => [...root.querySelectorAll('.review-text')].map((p) => p.textContent);
    await vi.waitFor(() => expect(cards()).toHaveLength(REVIEW_QUEUE_SHOWN));
    const before = cards();
    expect(root.querySelector('.chip-accent')?.textContent).toBe(`${count} due today`);
    expect(root.querySelector('.review-more')?.textContent).toBe('5 more after these: each comes up as you answer.');

    await act(async () => {
      root.querySelector<HTMLButtonElement>('.review-card button')!.click();
    });
    await vi.waitFor(() => expect(root.querySelector('.chip-accent')?.textContent).toBe(`${count - 1} due today`));
    await vi.waitFor(() => expect(cards()).toHaveLength(REVIEW_QUEUE_SHOWN));
    // The answered card is gone and one that was waiting came up in its place.
    expect(cards()).not.toContain(before[0]);
    expect(cards().filter((text) => !before.includes(text))).toHaveLength(1);
    expect(root.querySelector('.review-more')?.textContent).toMatch(/^4 more after these/);
  });

  it('a double click answers the card once', async () => {
    const resource = await takeawaysDueTomorrow(
      'https://example.org/twice',
      'Clicked twice',
      '- Only once\n- Still waiting',
    );
    const due = await listDueReviews(endOfLocalDay(T0 + DAY));
    const changes: number[] = [];
    await mount(<ReviewQueue reviews={due} onChanged={(n) => changes.push(n)} onMakeAction={() => undefined} />);
    const button = root.querySelector<HTMLButtonElement>('.review-card button')!;
    await act(async () => {
      button.click();
      button.click();
    });
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Applied it/));
    const card = (await cardsOfResource(resource.id)).find((c) => c.id === due[0]!.card.id)!;
    expect(card.history).toHaveLength(1);
    expect(changes).toEqual([1]);
    expect([...root.querySelectorAll('.review-text')].map((p) => p.textContent)).toEqual(['Still waiting']);
  });

  it('after an answer the keys move to the card now on top, and answer it', async () => {
    await takeawaysDueTomorrow(
      'https://example.org/keys',
      'Keyboard first',
      '- First card\n- Second card\n- Third card',
    );
    // Read once and never reloaded, as in the first test: the keys must move before the list reloads.
    const due = await listDueReviews(endOfLocalDay(T0 + DAY));
    await mount(<ReviewQueue reviews={due} keys onChanged={() => undefined} onMakeAction={() => undefined} />);
    const cards = () => [...root.querySelectorAll<HTMLElement>('.review-card')];
    const hinted = () =>
      cards()
        .filter((card) => card.querySelector('kbd') || card.querySelector('[aria-keyshortcuts]'))
        .map((card) => card.querySelector('.review-text')?.textContent);
    await vi.waitFor(() => expect(cards()).toHaveLength(3));
    expect(hinted()).toEqual(['First card']);

    await act(async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Applied it/));
    expect(hinted()).toEqual(['Second card']);

    await act(async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Still useful/));
    expect(cards().map((card) => card.querySelector('.review-text')?.textContent)).toEqual(['Third card']);
    expect(hinted()).toEqual(['Third card']);
  });
});
