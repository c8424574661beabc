import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { SnippetText } from '../../../components/library/ResourceRow';
import { findSnippet, matchRanges, type SnippetSource } from '../../../lib/library/snippet';
import { queryTerms } from '../../../lib/library/search';

const base: SnippetSource = {
  title: 'Site Reliability Engineering',
  site: 'sre.google',
  notes: '',
  takeaways: [],
  clips: [],
  tags: [],
};
const marked = (source: SnippetSource, query: string) => {
  const snippet = findSnippet(source, queryTerms(query));
  return (
    snippet && { field: snippet.field, text: snippet.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('') }
  );
};

describe('search snippets: why a row matched', () => {
  it.each([
    [
      'a title hit needs no snippet, even when a note has the word too',
      { ...base, notes: 'reliability first' },
      'reliability',
      null,
    ],
    ['site and author too', { ...base, tags: ['google'] }, 'google', null],
    [
      'a takeaway, the match marked',
      { ...base, takeaways: [{ id: 't', text: 'Error budgets end the ops-vs-dev argument', createdAt: 1 }] },
      'budgets',
      { field: 'takeaway', text: 'Error [budgets] end the ops-vs-dev argument' },
    ],
    [
      'diacritics fold as search folds them, the original shown',
      { ...base, notes: 'Vi övade på Lära av misstag' },
      'ovade lara',
      { field: 'note', text: 'Vi [övade] på [Lära] av misstag' },
    ],
    [
      'a match at the very start and the very end',
      { ...base, notes: 'postmortems are for learning' },
      'postmortems learning',
      { field: 'note', text: '[postmortems] are for [learning]' },
    ],
    [
      'the field with the most of the words wins',
      {
        ...base,
        notes: 'budgets',
        takeaways: [{ id: 't', text: 'error budgets and toil', createdAt: 1 }],
      },
      'budgets toil',
      { field: 'takeaway', text: 'error [budgets] and [toil]' },
    ],
    [
      'a quote’s note, a clip, a tag',
      {
        ...base,
        quotes: [{ id: 'q', exact: 'Hope is not a strategy.', note: 'say it in planning', createdAt: 1 }],
      },
      'planning',
      { field: 'quote', text: 'say it in [planning]' },
    ],
    [
      'a clip says its moment',
      { ...base, clips: [{ id: 'c', atSec: 754, note: 'toil budget', createdAt: 1 }] },
      'toil',
      { field: 'clip', text: '[toil] budget' },
    ],
    ['a tag', { ...base, tags: ['on-call'] }, 'on-call', { field: 'tag', text: '#[on-call]' }],
  ] as const)('%s', (_label, source, query, expected) => {
    expect(marked(source as SnippetSource, query)).toEqual(expected);
  });

  it('a long field is windowed around the match, cut at spaces, with … where cut', () => {
    const notes = `${'lorem ipsum dolor '.repeat(40)}the needle is here ${'sit amet consectetur '.repeat(40)}`;
    const snippet = findSnippet({ ...base, notes }, queryTerms('needle'), 80)!;
    const text = snippet.parts.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(84);
    expect(snippet.parts.find((p) => p.mark)?.text).toBe('needle');
    expect(text).not.toMatch(/…\S*lore\b|…[a-z]{1,3} /); // starts on a word
  });

  it('line breaks read as spaces; positions stay exact across ß and emoji', () => {
    expect(matchRanges('Straße 🚀 strasse', queryTerms('strasse'))).toEqual([
      [0, 6],
      [10, 17],
    ]);
    expect(marked({ ...base, notes: 'first line\nsecond line' }, 'second')?.text).toBe('first line [second] line');
  });

  it('hostile text stays text: parts are strings, and rendered they make no element', () => {
    const notes = '<img src=x onerror=alert(1)> <script>steal()</script> payload';
    const snippet = findSnippet({ ...base, notes }, queryTerms('payload'))!;
    const host = document.createElement('p');
    render(<SnippetText snippet={snippet} />, host);
    expect(host.querySelectorAll('img, script')).toHaveLength(0);
    expect(host.textContent).toBe(notes);
    expect(host.querySelector('mark')?.textContent).toBe('payload');
  });
});
