import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssessmentSection } from '../../../components/library/AssessmentSection';
import { saveAssessment } from '../../../lib/app/assessments';
import { parseRoute } from '../../../lib/routes';

// After this month's check is saved, the page no longer asks for "this month's check".

const DAY = 86_400_000;

describe('the learning-environment page', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  const mount = async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<AssessmentSection route={parseRoute('#assessment')} />, root);
    });
  };
  const openAMonthAfterTheLastCheck = async () => {
    vi.setSystemTime(new Date('2026-03-10T10:00:00'));
    await saveAssessment({ scores: { vision: 4 } });
    vi.setSystemTime(new Date('2026-03-10T10:00:00').getTime() + 32 * DAY);
    await mount();
    await vi.waitFor(() => expect(root.querySelector('form')).not.toBeNull());
  };
  const buttons = () => [...root.querySelectorAll('.section-head button')].map((b) => b.textContent);

  it('taken this month: "Take another check" and when the next is due, no form', async () => {
    vi.setSystemTime(new Date('2026-03-10T10:00:00'));
    await saveAssessment({ scores: { vision: 4 } });
    await mount();
    await vi.waitFor(() => expect(buttons()).toEqual(['Take another check']));
    expect(root.querySelector('.section-head')?.textContent).toContain('Next check due 10 Apr 2026');
    expect(root.querySelector('.assessment-form')).toBeNull();
  });

  it('a month later the form is open again, and the button, when closed, asks for this month’s', async () => {
    await openAMonthAfterTheLastCheck();
    expect(buttons()).toEqual([]);
  });

  it('saved from the form, the head offers "Take another check" at once, never this month’s again', async () => {
    await openAMonthAfterTheLastCheck();
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const text of buttons()) if (text) seen.add(text);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    for (const group of root.querySelectorAll('fieldset.condition')) {
      await act(async () => {
        group.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      });
    }
    await act(async () => {
      root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    });
    await vi.waitFor(() => expect(buttons()).toEqual(['Take another check']));
    observer.disconnect();
    expect([...seen]).toEqual(['Take another check']);
  });
});

describe('the weakest conditions after a check', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  it('a tie is shown as a tie: both tied conditions named, each with what to talk about, both marked weakest', async () => {
    vi.setSystemTime(new Date('2026-03-10T10:00:00'));
    await saveAssessment({
      scores: {
        'felt-need': 4,
        cooperation: 4,
        recognition: 4,
        careers: 2,
        feedback: 2,
        'new-ideas': 5,
        'bottom-up': 3,
      },
    });
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<AssessmentSection route={parseRoute('#assessment')} />, root);
    });
    await vi.waitFor(() => expect(root.querySelector('.weakest')).not.toBeNull());
    const block = root.querySelector('.weakest')!;
    expect(block.querySelector('h3')?.textContent).toBe(
      'To talk about with your team: Horizontal as well as vertical careers and Encouragement, follow-up and feedback',
    );
    expect(block.textContent).toContain('A tie: 2 conditions share your lowest score in the latest check, 2 of 5.');
    expect([...block.querySelectorAll('li h4')].map((h) => h.textContent)).toEqual([
      'Horizontal as well as vertical careers',
      'Encouragement, follow-up and feedback',
    ]);
    // Each tied condition can go to the digest or become an action on its own.
    expect(block.querySelectorAll('li .weakest-actions')).toHaveLength(2);
    const marked = [...root.querySelectorAll('.trend-card')]
      .filter((card) => card.querySelector('.chip-weak'))
      .map((card) => card.querySelector('.trend-name')?.textContent);
    expect(marked).toEqual(['Horizontal as well as vertical careers', 'Encouragement, follow-up and feedback']);
  });
});
