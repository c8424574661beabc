import { describe, expect, it } from 'vitest';
import { newDevice, newServer, resource } from './devices';

const T0 = Date.UTC(2026, 11, 1, 9);

describe('sync between two devices of one user (real PouchDB replication)', () => {
  it('a resource saved on one device arrives on the other, and its edit comes back', async () => {
    const server = newServer();
    const laptop = await newDevice('laptop');
    const home = await newDevice('home');
    await laptop.put('resources', resource('r1', { notes: 'first line', updatedAt: T0 }));
    const pass = await laptop.sync(server);
    expect(pass.sent).toBe(1);
    expect(pass.pending).toBe(0);
    await home.sync(server);
    expect((await home.get('resources', 'r1'))?.notes).toBe('first line');

    const there = (await home.get('resources', 'r1'))!;
    await home.put('resources', { ...there, notes: 'first line\nfrom home', updatedAt: T0 + 1000 });
    await home.sync(server);
    await laptop.sync(server);
    expect((await laptop.get('resources', 'r1'))?.notes).toBe('first line\nfrom home');
    await Promise.all([laptop.close(), home.close(), server.destroy()]);
  });

  it('the same page saved on both before they met: one resource on each, with both notes', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    const url = 'https://blog.example.org/same';
    await a.put('resources', resource('from-a', { url, canonicalUrl: url, notes: 'noted on A', updatedAt: T0 }));
    await b.put('resources', resource('from-b', { url, canonicalUrl: url, notes: 'noted on B', updatedAt: T0 + 5 }));
    for (const device of [a, b, a, b]) await device.sync(server);
    for (const device of [a, b]) {
      const all = await device.all('resources');
      expect(all).toHaveLength(1);
      const notes = (all[0] as { notes: string }).notes;
      expect(notes).toContain('noted on A');
      expect(notes).toContain('noted on B');
    }
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('the settings chosen on one device reach the other', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.sync(server);
    await b.sync(server);
    a.settings({ showThumbnails: false, reviewsPerPrompt: 5 });
    await a.sync(server);
    await b.sync(server);
    expect(b.settings()).toMatchObject({ showThumbnails: false, reviewsPerPrompt: 5 });
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('what live replication brought in before a pass is taken in, not read as deleted here or written over', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('theirs', { notes: 'from A', updatedAt: T0 }));
    await a.put('resources', resource('shared', { notes: 'one', updatedAt: T0 }));
    await a.sync(server);
    // B connects: everything marked whole, while its live replication already pulled A's documents.
    await b.replaceAll('resources', []);
    b.beforeNextSend(() => b.local.replicate.from(server));
    await b.sync(server);
    expect((await b.get('resources', 'theirs'))?.notes).toBe('from A');
    await a.sync(server);
    expect((await a.get('resources', 'theirs'))?.notes).toBe('from A');
    // An edit B makes while A's newer edit is already in B's PouchDB but not yet taken in: merged, not overwritten.
    const shared = (await b.get('resources', 'shared'))!;
    const onA = (await a.get('resources', 'shared'))!;
    await a.put('resources', { ...onA, notes: 'one\nfrom A', updatedAt: T0 + 10 });
    await a.sync(server);
    await b.put('resources', { ...shared, tags: ['from-b'], updatedAt: T0 + 20 });
    b.beforeNextSend(() => b.local.replicate.from(server));
    await b.sync(server);
    await a.sync(server);
    for (const device of [a, b]) {
      const record = (await device.get('resources', 'shared'))!;
      expect(record.notes).toBe('one\nfrom A');
      expect(record.tags).toEqual(['from-b']);
    }
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('a document live replication brings in while a whole-store send is looking its documents up is not deleted', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('theirs', { notes: 'from A', updatedAt: T0 }));
    await a.sync(server);
    // B connects (everything marked whole); A's document lands in B's PouchDB in the middle of the send.
    await b.replaceAll('resources', []);
    b.beforeNextSend(async () => b.beforeNextRead(() => b.local.replicate.from(server)));
    await b.sync(server);
    await b.sync(server);
    await a.sync(server);
    expect((await b.get('resources', 'theirs'))?.notes).toBe('from A');
    expect((await a.get('resources', 'theirs'))?.notes).toBe('from A');
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('a deletion on one device deletes on the other', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('gone', { updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    expect(await b.get('resources', 'gone')).toBeDefined();
    await b.remove('resources', 'gone');
    await b.sync(server);
    await a.sync(server);
    expect(await a.get('resources', 'gone')).toBeUndefined();
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('a replace (a whole store marked, no ids) deletes on the other device what the file does not have', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    for (const id of ['keep', 'drop']) await a.put('resources', resource(id, { updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    expect((await b.all('resources')).map((r) => r.id).sort()).toEqual(['drop', 'keep']);
    await a.replaceAll('resources', [
      resource('keep', { notes: 'from the file', updatedAt: T0 + 1 }),
      resource('new', { updatedAt: T0 }),
    ]);
    await a.sync(server);
    await b.sync(server);
    expect((await b.all('resources')).map((r) => r.id).sort()).toEqual(['keep', 'new']);
    expect((await b.get('resources', 'keep'))?.notes).toBe('from the file');
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('both offline, both edit other lines: merged on both, nothing lost, no conflict version', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('r', { notes: 'one\ntwo\nthree', updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    const base = (await a.get('resources', 'r'))!;
    await a.put('resources', { ...base, notes: 'ONE\ntwo\nthree', tags: ['a'], updatedAt: T0 + 10 });
    await b.put('resources', { ...base, notes: 'one\ntwo\nTHREE', tags: ['b'], updatedAt: T0 + 20 });
    await a.sync(server);
    await b.sync(server);
    await a.sync(server);
    const onA = (await a.get('resources', 'r'))!;
    const onB = (await b.get('resources', 'r'))!;
    expect(onA.notes).toBe('ONE\ntwo\nTHREE');
    expect(onA.tags.sort()).toEqual(['a', 'b']);
    expect(onA.conflicts).toBeUndefined();
    expect(onB).toEqual(onA);
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('both edit the same line: one version in the field, the other kept whole as a conflict version, on both', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('r', { notes: 'the line', updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    const base = (await a.get('resources', 'r'))!;
    await a.put('resources', { ...base, notes: 'the line, said by A', updatedAt: T0 + 10 });
    await b.put('resources', { ...base, notes: 'the line, said by B', updatedAt: T0 + 20 });
    await a.sync(server);
    await b.sync(server);
    await a.sync(server);
    const onA = (await a.get('resources', 'r'))!;
    const onB = (await b.get('resources', 'r'))!;
    expect(onB).toEqual(onA);
    const texts = [onA.notes, ...(onA.conflicts ?? []).map((c) => c.text)].sort();
    expect(texts).toEqual(['the line, said by A', 'the line, said by B']);
    expect(onA.conflicts?.[0]?.field).toBe('notes');
    // And the server holds no open conflict afterwards.
    const doc = await server.get('resources/r', { conflicts: true });
    expect(doc._conflicts ?? []).toEqual([]);
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('an edit on one device and a delete on the other: the removal stays removed', async () => {
    const server = newServer();
    const a = await newDevice('a');
    const b = await newDevice('b');
    await a.put('resources', resource('r', { notes: 'x', updatedAt: T0 }));
    await a.sync(server);
    await b.sync(server);
    await a.remove('resources', 'r');
    const base = (await b.get('resources', 'r'))!;
    await b.put('resources', { ...base, notes: 'x\ny', updatedAt: T0 + 5 });
    await a.sync(server);
    await b.sync(server);
    await a.sync(server);
    expect(await a.get('resources', 'r')).toBeUndefined();
    expect(await b.get('resources', 'r')).toBeUndefined();
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('a hostile document on the server is skipped and listed, and the rest still syncs', async () => {
    const server = newServer();
    const a = await newDevice('a');
    await server.put({
      _id: 'resources/evil',
      store: 'resources',
      record: { ...resource('evil'), url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)' },
    } as never);
    await server.put({ _id: 'resources/fine', store: 'resources', record: resource('fine') } as never);
    const pass = await a.sync(server);
    expect(pass.skipped.map((s) => s.id)).toEqual(['resources/evil']);
    expect(await a.get('resources', 'evil')).toBeUndefined();
    expect((await a.get('resources', 'fine'))?.title).toBe('Post fine');
    await Promise.all([a.close(), server.destroy()]);
  });
});
