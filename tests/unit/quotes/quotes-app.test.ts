import { describe, expect, it, vi } from 'vitest';
import { newActionHref, parseFrom } from '../../../lib/actions/source';
import { loadSource } from '../../../lib/app/action-sources';
import { addQuote, editQuoteNote, keepQuote, removeQuote } from '../../../lib/app/quotes';
import { editResource, getResourceByUrl, startEdit } from '../../../lib/app/resources';
import { undo } from '../../../lib/app/undo';
import { mergeResource } from '../../../lib/model/merge';
import { importText } from '../../../lib/backup/import';
import type { CapturedPage } from '../../../lib/model/captured-page';
import type { Quote } from '../../../lib/model/quote';
import type { Resource } from '../../../lib/model/resource';
import { toRow } from '../../../lib/library/filter';
import { matchesTerms, queryTerms } from '../../../lib/library/search';
import { findSnippet } from '../../../lib/library/snippet';
import { promptText, resourceCandidates } from '../../../lib/prompts/catalogue';
import { routeHash } from '../../../lib/routes';
import { backupText, readAll, sampleRecords } from '../backup/helpers';

const T = Date.UTC(2026, 10, 2, 9);
const page: CapturedPage = {
  url: 'https://blog.example.org/retros',
  canonicalUrl: 'https://blog.example.org/retros',
  kind: 'article',
  title: 'How we run retros',
  description: 'A team ritual',
};
const selection = (exact: string) => ({ exact, prefix: 'Before. ', suffix: ' After.', fragment: 'text=x' });

describe('keeping quotes (application layer)', () => {
  it('the first quote saves the page with its capture; three quotes later the resource holds all three, in order', async () => {
    const first = await keepQuote(page, selection('One.'), { note: 'why' }, T);
    expect(first).toMatchObject({ created: true, already: false });
    expect(first.resource.description).toBe('A team ritual');
    await keepQuote(page, selection('Two.'), {}, T + 1000);
    const third = await keepQuote(page, selection('Three.'), {}, T + 2000);
    expect(third.created).toBe(false);
    expect(third.resource.quotes?.map((q) => [q.exact, q.note])).toEqual([
      ['One.', 'why'],
      ['Two.', ''],
      ['Three.', ''],
    ]);
    // The same passage in the same place is one quote; the same words elsewhere on the page are another.
    expect((await keepQuote(page, selection('Two.'), {}, T + 3000)).already).toBe(true);
    expect((await keepQuote(page, { exact: 'Two.' }, {}, T + 4000)).already).toBe(false);
    expect((await getResourceByUrl(page.canonicalUrl))?.quotes).toHaveLength(4);
  });

  it('a note is edited in place, a deleted quote comes back with Undo exactly as it was', async () => {
    const { resource, quote } = await keepQuote(page, selection('Keep this.'), {}, T);
    await editQuoteNote(resource.id, quote.id, 'It matters', T + 1);
    const offer = await removeQuote(resource.id, quote.id, T + 2);
    expect(offer).toMatchObject({ kind: 'quote', label: 'Keep this.' });
    expect((await getResourceByUrl(page.canonicalUrl))?.quotes).toBeUndefined();
    await undo(offer!.id);
    expect((await getResourceByUrl(page.canonicalUrl))?.quotes).toEqual([{ ...quote, note: 'It matters' }]);
    // Put back twice (an Undo racing another tab's): still one.
    await addQuote(resource.id, { ...quote, note: 'It matters' }, T + 3);
    expect((await getResourceByUrl(page.canonicalUrl))?.quotes).toHaveLength(1);
  });

  it('a quote kept in the popup while the library edits the same page: both stay', async () => {
    const { resource, quote } = await keepQuote(page, selection('From the popup.'), {}, T);
    // The library read the record before the second quote and edits the first one's note.
    const lastSeen = { quotes: resource.quotes };
    await keepQuote(page, selection('Another tab.'), {}, T + 1);
    const patch = { quotes: [{ ...quote, note: 'edited in the library' }] };
    await editResource(resource.id, patch, T + 2, startEdit(lastSeen, patch));
    const stored = await getResourceByUrl(page.canonicalUrl);
    expect(stored?.quotes?.map((q) => [q.exact, q.note])).toEqual([
      ['From the popup.', 'edited in the library'],
      ['Another tab.', ''],
    ]);
  });

  it('an import merges quotes by id: the newer copy wins one both have, the others are added', () => {
    const [older] = sampleRecords(2).resources.slice(1) as Resource[];
    const q = (id: string, note: string): Quote => ({ id, exact: id, note, createdAt: T });
    const current: Resource = { ...older!, quotes: [q('a', 'here'), q('b', '')], updatedAt: T };
    const incoming: Resource = { ...older!, quotes: [q('a', 'there'), q('c', '')], updatedAt: T + 1 };
    expect(mergeResource(current, incoming, T + 2).quotes?.map((x) => [x.id, x.note])).toEqual([
      ['a', 'there'],
      ['c', ''],
      ['b', ''],
    ]);
  });

  it('a file of export version 2 (before quotes) still imports as it is', async () => {
    const records = sampleRecords(6);
    for (const resource of records.resources) delete resource.quotes;
    const file = JSON.parse(backupText(records, { version: 2 })) as { resources: Record<string, unknown>[] };
    delete (file as { reviews?: unknown }).reviews;
    // Version 2 kept takeaways as one text.
    for (const resource of file.resources)
      resource.takeaways = (resource.takeaways as { text: string }[]).map((t) => t.text).join('\n');
    await importText(JSON.stringify(file), 'v2.json');
    expect((await readAll()).resources).toHaveLength(6);
  });

  it('a quote with a stored directive that is not one is refused by the import, naming the field', async () => {
    const records = sampleRecords(2);
    records.resources[1]!.quotes = [{ id: 'q', exact: 'x', note: '', createdAt: T, fragment: 'javascript:alert(1)' }];
    await expect(importText(backupText(records), 'bad.json')).rejects.toThrow(/fragment/);
  });
});

describe('quotes elsewhere: search, actions, prompts', () => {
  const resource: Resource = {
    ...sampleRecords(2).resources[1]!,
    title: 'How we run retros',
    quotes: [
      { id: 'q1', exact: 'Psychological safety comes first.', note: '', createdAt: T },
      { id: 'q2', exact: 'Small batches make feedback cheap.', note: 'try in Lund', createdAt: T + 1 },
    ],
  };

  it('a word inside a quote finds the resource, and the row shows that quote', () => {
    const row = toRow(resource);
    for (const [query, snippet] of [
      ['batches', 'Small batches make feedback cheap.'],
      ['PSYCHOLOGICAL', 'Psychological safety comes first.'],
      ['lund', 'try in Lund'],
    ] as const) {
      const terms = queryTerms(query);
      expect(matchesTerms(row.text, terms)).toBe(true);
      const found = findSnippet(resource, terms);
      expect(found?.field).toBe('quote');
      expect(found?.parts.map((part) => part.text).join('')).toContain(snippet.slice(0, 20));
    }
    // Found by its title: no snippet needed.
    expect(findSnippet(resource, queryTerms('retros'))).toBeNull();
    expect(findSnippet(resource, [])).toBeNull();
  });

  it('an action made from a quote starts from its words and note', async () => {
    const href = newActionHref('resource', 'res-1', { kind: 'quote', id: 'q2' });
    const from = new URLSearchParams(href.split('?')[1]).get('from')!;
    expect(parseFrom(from)).toEqual({ kind: 'resource', id: 'res-1', item: { kind: 'quote', id: 'q2' } });
    expect(href).toBe(routeHash('actions', undefined, { from: 'resource:res-1#quote:q2' }));
    const { getDb } = await import('../../../lib/db/open');
    await (await getDb()).put('resources', resource);
    expect((await loadSource(from))?.detail).toBe('“Small batches make feedback cheap.” · try in Lund');
  });

  it('"What will you do with" asks about the newest quote of a resource quoted in the last two weeks', () => {
    vi.setSystemTime(T);
    const candidates = resourceCandidates([resource], T + 86_400_000).filter((c) => c.promptId === 'resourceQuote');
    expect(candidates).toHaveLength(1);
    expect(promptText(candidates[0]!)).toBe('What will you do with: “Small batches make feedback cheap.”?');
    expect(resourceCandidates([resource], T + 15 * 86_400_000).some((c) => c.promptId === 'resourceQuote')).toBe(false);
  });
});
