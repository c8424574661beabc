import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editResource, getResource, saveCapturedPage, startEdit } from '../../lib/app/resources';
import { planMerge } from '../../lib/backup/merge';
import { emptyRecords } from '../../lib/backup/format';
import { LIMITS } from '../../lib/infra/limits';
import { mergeSet, mergeText } from '../../lib/model/merge';
import { sampleRecords } from './backup/sample-data';

describe('mergeText: the one rule for two writers of one text', () => {
  it.each<[string, string | undefined, string, string, { text: string; conflict?: string }]>([
    ['only we changed it', 'a', 'a b', 'a', { text: 'a b' }],
    ['only they changed it', 'a', 'a', 'a c', { text: 'a c' }],
    ['both the same', 'a', 'x', 'x', { text: 'x' }],
    ['different lines: both edits kept', 'one\ntwo', 'one!\ntwo', 'one\ntwo\nthree', { text: 'one!\ntwo\nthree' }],
    [
      'the same line: ours stays, theirs kept whole',
      'one',
      'one mine',
      'one theirs',
      { text: 'one mine', conflict: 'one theirs' },
    ],
    ['we emptied nothing they wrote', '', '', 'theirs', { text: 'theirs' }],
    [
      'import: one contains the other, the longer wins',
      undefined,
      'short',
      'short and more',
      { text: 'short and more' },
    ],
    ['import: different texts are joined', undefined, 'mine', 'theirs', { text: 'mine\n\ntheirs' }],
    ['import: an empty side adds nothing', undefined, 'mine', '  ', { text: 'mine' }],
  ])('%s', (_name, base, ours, theirs, expected) => {
    expect(mergeText(base, ours, theirs, 1000)).toEqual(expected);
  });

  it('two long texts that together pass the limit are both kept whole, never cut', () => {
    const mine = 'm'.repeat(60_000);
    const theirs = 't'.repeat(60_000);
    expect(mergeText(undefined, mine, theirs, LIMITS.notes)).toEqual({ text: mine, conflict: theirs });
  });

  it('no text is ever lost (property): every side’s text is in the result or its conflict', () => {
    const text = fc
      .array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', ''), { maxLength: 5 })
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), text, text, (base, ours, theirs) => {
        const merged = mergeText(base, ours, theirs, 10_000);
        const kept = `${merged.text}\n${merged.conflict ?? ''}`;
        // What either side wrote (a line the base did not have) is kept.
        for (const line of [...ours.split('\n'), ...theirs.split('\n')]) {
          if (line && !(base ?? '').split('\n').includes(line)) expect(kept.split('\n')).toContain(line);
        }
      }),
    );
  });
});

describe('mergeSet: tags and moments', () => {
  it.each<[string, string[], string[], string[], string[]]>([
    ['both add', ['a'], ['a', 'b'], ['a', 'c'], ['a', 'c', 'b']],
    ['a removal on one side stays removed', ['a', 'b'], ['a'], ['a', 'b', 'c'], ['a', 'c']],
    ['they removed it, we did not touch it', ['a', 'b'], ['a', 'b'], ['a'], ['a']],
    ['both removed', ['a', 'b'], ['a'], ['a'], ['a']],
  ])('%s', (_name, base, ours, theirs, expected) => {
    expect(mergeSet(base, ours, theirs)).toEqual(expected);
  });

  it('converges: merging in either order keeps the same set (property)', () => {
    const tags = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'));
    fc.assert(
      fc.property(tags, tags, tags, (base, ours, theirs) => {
        expect(new Set(mergeSet(base, ours, theirs))).toEqual(new Set(mergeSet(base, theirs, ours)));
      }),
    );
  });
});

describe('editing against the version read', () => {
  const page = {
    url: 'https://blog.example.org/a',
    canonicalUrl: 'https://blog.example.org/a',
    kind: 'article' as const,
    title: 'A',
  };

  it('a second tab writing from an old version keeps both texts: the first as a conflict version', async () => {
    const { resource } = await saveCapturedPage(page);
    // Tab A types; tab B, which still shows the old (empty) notes, types too.
    await editResource(resource.id, { notes: 'From tab A' }, Date.now(), { notes: '' });
    const after = await editResource(resource.id, { notes: 'From tab B' }, Date.now(), { notes: '' });
    expect(after?.notes).toBe('From tab B');
    expect(after?.conflicts).toEqual([expect.objectContaining({ field: 'notes', text: 'From tab A' })]);
  });

  it('what the popup added, and its tags, survive the library’s next keystroke: both texts kept', async () => {
    const { resource } = await saveCapturedPage(page, { notes: 'Line one', tags: ['x'] });
    const libraryBase = { notes: 'Line one', tags: ['x'] };
    await editResource(
      resource.id,
      { notes: 'Line one\nFrom the popup', tags: ['x', 'popup'] },
      Date.now(),
      libraryBase,
    );
    await editResource(resource.id, { notes: 'Line one, edited', tags: ['x', 'library'] }, Date.now(), libraryBase);
    const stored = await getResource(resource.id);
    // Both changed the first line's neighbourhood: the library's text stays in the field, the
    // popup's is kept whole beside it, and the tags merge.
    expect(stored?.notes).toBe('Line one, edited');
    expect(stored?.conflicts?.map((c) => c.text)).toEqual(['Line one\nFrom the popup']);
    expect(stored?.tags.sort()).toEqual(['library', 'popup', 'x']);
  });

  it('edits on lines apart merge by themselves', async () => {
    const { resource } = await saveCapturedPage(page, { notes: 'Intro\n\nMiddle\n\nEnd' });
    const read = { notes: 'Intro\n\nMiddle\n\nEnd' };
    await editResource(resource.id, { notes: 'Intro, from the popup\n\nMiddle\n\nEnd' }, Date.now(), read);
    await editResource(resource.id, { notes: 'Intro\n\nMiddle\n\nEnd, from the library' }, Date.now(), read);
    const stored = await getResource(resource.id);
    expect(stored?.notes).toBe('Intro, from the popup\n\nMiddle\n\nEnd, from the library');
    expect(stored?.conflicts).toBeUndefined();
  });

  it('consecutive keystrokes of one page never conflict with themselves', async () => {
    const { resource } = await saveCapturedPage(page);
    const lastSeen = { notes: '' };
    // Sent without waiting, as an input handler does: each starts from the one before.
    await Promise.all(
      ['P', 'Pa', 'Pai', 'Pair'].map((text) =>
        editResource(resource.id, { notes: text }, Date.now(), startEdit(lastSeen, { notes: text })),
      ),
    );
    expect(await getResource(resource.id)).toMatchObject({ notes: 'Pair' });
    expect((await getResource(resource.id))?.conflicts).toBeUndefined();
  });
});

describe('import merge keeps text', () => {
  it('a merge import under an open notes field: the next keystroke keeps the imported text', async () => {
    const { importText } = await import('../../lib/backup/import');
    const { backupText } = await import('./backup/helpers');
    const page = {
      url: 'https://blog.example.org/b',
      canonicalUrl: 'https://blog.example.org/b',
      kind: 'article' as const,
      title: 'B',
    };
    const { resource } = await saveCapturedPage(page, { notes: 'Typed here' });
    // The page's field holds "Typed here"; an import brings the other machine's notes.
    const other = { ...resource, notes: 'From the other machine', updatedAt: resource.updatedAt + 1000 };
    await importText(backupText({ ...emptyRecords(), resources: [other] }), 'b.json');
    // One more keystroke in the open field, which never saw the import.
    await editResource(resource.id, { notes: 'Typed here!' }, Date.now(), { notes: 'Typed here' });
    const stored = await getResource(resource.id);
    const kept = [stored?.notes, ...(stored?.conflicts ?? []).map((c) => c.text)].join('\n');
    expect(kept).toContain('From the other machine');
    expect(kept).toContain('Typed here!');
  });

  it('two 60k notes are both kept, the older as a conflict version, and the result says so', () => {
    const [here] = sampleRecords(1).resources;
    const mine = { ...here!, notes: 'm'.repeat(60_000), updatedAt: here!.updatedAt };
    const theirs = { ...here!, notes: 't'.repeat(60_000), updatedAt: here!.updatedAt + 10 };
    const plan = planMerge({ ...emptyRecords(), resources: [mine] }, { ...emptyRecords(), resources: [theirs] });
    const [merged] = plan.puts.map((p) => p.record) as (typeof mine)[];
    expect(merged!.notes).toBe(theirs.notes);
    expect(merged!.conflicts?.map((c) => c.text)).toEqual([mine.notes]);
    expect(plan.conflictsKept).toBe(1);
  });

  it('reflections and actions keep the answer and outcome written here', () => {
    const records = sampleRecords(1);
    const reflection = { ...records.reflections[0]!, answer: 'Written here' };
    const action = { ...records.actions[0]!, outcome: 'It worked here' };
    const incoming = {
      ...emptyRecords(),
      reflections: [{ ...reflection, answer: 'Written there', updatedAt: reflection.updatedAt + 5 }],
      actions: [{ ...action, outcome: 'It worked there', updatedAt: action.updatedAt + 5 }],
    };
    const plan = planMerge({ ...emptyRecords(), reflections: [reflection], actions: [action] }, incoming);
    const byStore = Object.fromEntries(plan.puts.map((p) => [p.store, p.record as unknown as Record<string, string>]));
    expect(byStore.reflections!.answer).toBe('Written there\n\nWritten here');
    expect(byStore.actions!.outcome).toBe('It worked there\n\nIt worked here');
  });
});
