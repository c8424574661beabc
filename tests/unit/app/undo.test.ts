import { afterEach, describe, expect, it } from 'vitest';
import { deleteAction, createAction, getAction } from '../../../lib/app/actions';
import { deleteResources, getResource, saveCapturedPage } from '../../../lib/app/resources';
import { deleteWithUndo, dismissUndo, latestUndo, onUndoChange, resetUndo, undo } from '../../../lib/app/undo';

afterEach(() => resetUndo());

const page = (n: number) => ({
  url: `https://blog.example.org/${n}`,
  canonicalUrl: `https://blog.example.org/${n}`,
  kind: 'article' as const,
  title: `Post ${n}`,
});

describe('undo of a delete', () => {
  it('puts the records back exactly, however long after', async () => {
    const a = (await saveCapturedPage(page(1), { notes: 'keep', tags: ['x'] })).resource;
    const b = (await saveCapturedPage(page(2))).resource;
    let calls = 0;
    const stop = onUndoChange(() => calls++);
    const offer = await deleteResources([a.id, b.id]);
    expect(offer).toMatchObject({ kind: 'resources', count: 2 });
    expect(latestUndo('resources')).toEqual(offer);
    expect(await getResource(a.id)).toBeUndefined();
    expect(await undo(offer!.id)).toBe(true);
    expect(await getResource(a.id)).toEqual(a);
    expect(await getResource(b.id)).toEqual(b);
    expect(latestUndo('resources')).toBeUndefined();
    expect(calls).toBe(2);
    stop();
  });

  it('offers the latest deletion of each kind first, then the one before', async () => {
    const a = (await saveCapturedPage(page(1))).resource;
    const b = (await saveCapturedPage(page(2))).resource;
    const first = await deleteResources([a.id]);
    const second = await deleteResources([b.id]);
    expect(first?.label).toBe('Post 1');
    expect(latestUndo('resources')).toEqual(second);
    dismissUndo(second!.id);
    expect(latestUndo('resources')).toEqual(first);
    expect(await deleteResources(['missing'])).toBeUndefined();
  });

  it('keeps kinds apart: undoing an action does not touch resources', async () => {
    const action = await createAction({ text: 'Try pairing on Fridays' });
    const resource = (await saveCapturedPage(page(3))).resource;
    await deleteResources([resource.id]);
    const offer = await deleteAction(action.id);
    expect(latestUndo('action')).toEqual(offer);
    await undo(offer!.id);
    expect(await getAction(action.id)).toEqual(action);
    expect(await getResource(resource.id)).toBeUndefined();
    expect(latestUndo('resources')).toBeDefined();
  });

  it('one shape for every delete: nothing removed, no offer; told after the removal and after the undo', async () => {
    const told: string[] = [];
    const nothing = await deleteWithUndo({
      kind: 'prompt',
      remove: async () => undefined,
      restore: async () => told.push('restored'),
      announce: () => void told.push('announced'),
    });
    expect(nothing).toBeUndefined();
    expect(told).toEqual([]);
    const kept: string[] = ['a', 'b'];
    const offer = await deleteWithUndo(
      {
        kind: 'prompt',
        remove: async () => kept.splice(0),
        restore: async (removed) => {
          kept.push(...removed);
          told.push('restored');
        },
        announce: (removed) => void told.push(`announced ${removed.join(',')}`),
        count: (removed) => removed.length,
        label: (removed) => removed[0],
      },
      42,
    );
    expect(offer).toMatchObject({ kind: 'prompt', count: 2, label: 'a', at: 42 });
    expect(kept).toEqual([]);
    expect(told).toEqual(['announced a,b']);
    expect(await undo(offer!.id)).toBe(true);
    expect(kept).toEqual(['a', 'b']);
    expect(told).toEqual(['announced a,b', 'restored', 'announced a,b']);
  });
});
