import { describe, expect, it, vi } from 'vitest';
import type { Quote } from '../../../lib/model/quote';
import { HIGHLIGHT_CSS } from '../../../lib/quotes/highlight';
import { highlightQuotesInTab, type InTabDeps } from '../../../lib/quotes/in-tab';

// The popup's side of marking quotes: what the page answers is checked before the popup says it.

const quote = (id: string, exact: string): Quote => ({ id, exact, note: '', createdAt: 1_700_000_000_000 });
const QUOTES = [quote('a', 'Small batches make feedback cheap.'), quote('b', 'Review often.'), quote('c', 'Gone now.')];

function deps(answer: unknown): InTabDeps & { insertCss: ReturnType<typeof vi.fn> } {
  return {
    injectFile: vi.fn(async () => undefined),
    callHighlight: vi.fn(async () => answer),
    insertCss: vi.fn(async () => undefined),
  };
}

describe('marking the quotes in the tab', () => {
  it('counts the quotes found, lists the others, and styles the marks', async () => {
    const fake = deps({
      drawn: true,
      found: [
        { id: 'a', how: 'exact' },
        { id: 'b', how: 'approx' },
        { id: 'c', how: null },
      ],
    });
    const shown = await highlightQuotesInTab(7, QUOTES, fake);
    expect(shown).toEqual({ highlighted: 2, missing: [QUOTES[2]] });
    expect(fake.insertCss).toHaveBeenCalledWith(7, HIGHLIGHT_CSS);
    // Only what finds a quote goes to the page: not the user's notes.
    expect(fake.callHighlight).toHaveBeenCalledWith(7, [
      { id: 'a', exact: QUOTES[0]!.exact, prefix: undefined, suffix: undefined },
      { id: 'b', exact: QUOTES[1]!.exact, prefix: undefined, suffix: undefined },
      { id: 'c', exact: QUOTES[2]!.exact, prefix: undefined, suffix: undefined },
    ]);
  });

  it('believes nothing a page made up: unknown ids, repeats, other ways or too many answers', async () => {
    const made = [
      { id: 'zzz', how: 'exact' },
      { id: 'a', how: 'exact' },
      { id: 'a', how: 'exact' },
      { id: 'b', how: 'everywhere' },
      ...Array.from({ length: 1_000 }, () => ({ id: 'c', how: 'exact' })),
    ];
    const shown = await highlightQuotesInTab(7, QUOTES, deps({ drawn: true, found: made }));
    expect(shown).toEqual({ highlighted: 1, missing: [QUOTES[1], QUOTES[2]] });
  });

  it('says nothing when the tab cannot be scripted, cannot draw highlights or answers nonsense', async () => {
    const refused: InTabDeps = { ...deps(null), injectFile: async () => Promise.reject(new Error('Cannot access')) };
    expect(await highlightQuotesInTab(7, QUOTES, refused)).toBeUndefined();
    expect(await highlightQuotesInTab(7, QUOTES, deps({ drawn: false, found: [] }))).toBeUndefined();
    expect(await highlightQuotesInTab(7, QUOTES, deps('<img src=x>'))).toBeUndefined();
    expect(await highlightQuotesInTab(7, [], deps({ drawn: true, found: [] }))).toBeUndefined();
  });

  it('no stylesheet when nothing was found', async () => {
    const fake = deps({ drawn: true, found: QUOTES.map(({ id }) => ({ id, how: null })) });
    expect(await highlightQuotesInTab(7, QUOTES, fake)).toEqual({ highlighted: 0, missing: QUOTES });
    expect(fake.insertCss).not.toHaveBeenCalled();
  });
});
