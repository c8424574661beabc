import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewQueue } from '../../../components/review/ReviewQueue';
import { listDueReviews } from '../../../lib/app/review';
import { addTakeaways } from '../../../lib/app/takeaways';
import { saveResource } from '../../../lib/db/resources';
import { DAY, endOfLocalDay } from '../../../lib/review/card';
import { setNow } from '../background-harness';

// The caller's list reloads a moment after an answer; the queue must not show the answered card
// on top meanwhile (a second click or key would answer it again, or land on the wrong card).

const T0 = new Date('2026-03-09T09:00:00Z').getTime();

describe('the review queue (view)', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  it('an answered card leaves at once, the limit holds, and Undo brings it back, before the list reloads', async () => {
    setNow(T0);
    const { resource } = await saveResource({
      url: 'https://example.org/sre',
      canonicalUrl: 'https://example.org/sre',
      kind: 'article',
      title: 'Site Reliability Engineering',
    });
    await addTakeaways(resource.id, '- Blameless postmortems\n- Error budgets\n- Toil budgets', T0);
    setNow(T0 + DAY);
    // Read once and never reloaded: the stale list a caller holds right after an answer.
    const due = await listDueReviews(endOfLocalDay(T0 + DAY));
    const changes: number[] = [];
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <ReviewQueue reviews={due} limit={2} onChanged={(n) => changes.push(n)} onMakeAction={() => undefined} />,
        root,
      );
    });
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
});
