import { afterEach, describe, expect, it, vi } from 'vitest';
import { listKeptEdits, restoreKeptEdit } from '../../../lib/db/kept-edits';
import type { Resource } from '../../../lib/model/resource';
import { newDevice, newServer, resource } from './devices';

const T0 = Date.UTC(2026, 11, 1, 9);
const TYPED = 'x\nwhat I typed on the train';

describe('an edit made offline meets a deletion from another device', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function deletedOnAEditedOnB() {
    vi.setSystemTime(T0 + 60_000);
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('r', { notes: 'x', takeaways: [], updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    await a.remove('resources', 'r');
    const base = (await b.get('resources', 'r'))!;
    await b.put('resources', { ...base, notes: TYPED, updatedAt: T0 + 5 });
    await a.sync(server);
    return { server, a, b };
  }

  it('the deletion comes second on the editing device: removed there too, and the typed text is kept', async () => {
    const { server, a, b } = await deletedOnAEditedOnB();
    await b.sync(server);
    await a.sync(server);
    // Removals stay removed, on both…
    expect(await a.get('resources', 'r')).toBeUndefined();
    expect(await b.get('resources', 'r')).toBeUndefined();
    // …and B keeps what was typed there, whole, once; A, which deleted it, keeps nothing.
    const kept = await listKeptEdits(b.db);
    expect(kept.map((k) => [k.record.id, k.record.notes])).toEqual([['r', TYPED]]);
    expect(await listKeptEdits(a.db)).toEqual([]);
    await b.sync(server);
    expect(await listKeptEdits(b.db)).toHaveLength(1);
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('the deletion arrives before the edit is sent (live replication): kept the same way', async () => {
    const { server, a, b } = await deletedOnAEditedOnB();
    await b.local.replicate.from(server);
    await b.sync(server);
    expect(await b.get('resources', 'r')).toBeUndefined();
    expect((await listKeptEdits(b.db)).map((k) => k.record.notes)).toEqual([TYPED]);
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('Restore brings the resource back with its text on every device', async () => {
    const { server, a, b } = await deletedOnAEditedOnB();
    await b.sync(server);
    const restored = await restoreKeptEdit('r', T0 + 120_000, b.db);
    expect(restored).toMatchObject({ title: 'Post r', notes: TYPED });
    expect(await listKeptEdits(b.db)).toEqual([]);
    // What lib/app/kept-edits.ts's commit marks for sync.
    await b.put('resources', (await b.get<Resource>('resources', restored!.id))!);
    for (const device of [b, a, b]) await device.sync(server);
    for (const device of [a, b]) {
      const all = (await device.all('resources')) as Resource[];
      expect(all.map((r) => [r.title, r.notes])).toEqual([['Post r', TYPED]]);
    }
    expect(await listKeptEdits(b.db)).toEqual([]);
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('a deletion of the version a device holds, unedited, keeps nothing', async () => {
    vi.setSystemTime(T0 + 60_000);
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('r', { notes: 'x', updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    await a.remove('resources', 'r');
    await a.sync(server);
    await b.sync(server);
    expect(await b.get('resources', 'r')).toBeUndefined();
    expect(await listKeptEdits(b.db)).toEqual([]);
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });
});
