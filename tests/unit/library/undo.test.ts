import { afterEach, describe, expect, it } from 'vitest';
import { getResource, saveResource, deleteResources } from '../../../lib/db/resources';
import { dismissDeletion, latestDeletion, onDeletionsChange, rememberDeletion, resetDeletions, undoDeletion } from '../../../lib/library/undo';

afterEach(() => resetDeletions());

const page = (n: number) => ({ url: `https://blog.example.org/${n}`, canonicalUrl: `https://blog.example.org/${n}`, kind: 'article' as const, title: `Post ${n}` });

describe('undo of a delete', () => {
  it('puts the records back exactly, however long after', async () => {
    const a = (await saveResource(page(1), { notes: 'keep', tags: ['x'] })).resource;
    const b = (await saveResource(page(2))).resource;
    let calls = 0;
    const stop = onDeletionsChange(() => calls++);
    const deletion = rememberDeletion(await deleteResources([a.id, b.id]))!;
    expect(latestDeletion()).toBe(deletion);
    expect(await getResource(a.id)).toBeUndefined();
    expect(await undoDeletion(deletion.id)).toHaveLength(2);
    expect(await getResource(a.id)).toEqual(a);
    expect(await getResource(b.id)).toEqual(b);
    expect(latestDeletion()).toBeUndefined();
    expect(calls).toBe(2);
    stop();
  });

  it('offers the latest deletion first, then the one before', async () => {
    const a = (await saveResource(page(1))).resource;
    const b = (await saveResource(page(2))).resource;
    const first = rememberDeletion(await deleteResources([a.id]))!;
    const second = rememberDeletion(await deleteResources([b.id]))!;
    expect(latestDeletion()).toBe(second);
    dismissDeletion(second.id);
    expect(latestDeletion()).toBe(first);
    expect(rememberDeletion([])).toBeUndefined();
  });
});
