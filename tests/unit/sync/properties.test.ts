import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/resource';
import { newDevice, newServer, resource } from './devices';

const T0 = Date.UTC(2026, 11, 1, 9);

type Edit = { kind: 'line'; line: number; word: string } | { kind: 'tag'; tag: string; add: boolean };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('line' as const),
    line: fc.nat(4),
    word: fc.constantFrom('alpha', 'beta', 'gamma', 'delta'),
  }),
  fc.record({ kind: fc.constant('tag' as const), tag: fc.constantFrom('ux', 'data', 'team'), add: fc.boolean() }),
);

/** A round: both devices offline, each makes its edits, then they reconnect in either order. */
const round = fc.record({
  a: fc.array(edit, { maxLength: 4 }),
  b: fc.array(edit, { maxLength: 4 }),
  bFirst: fc.boolean(),
});

describe('sync properties (two devices, real PouchDB replication)', () => {
  it('whatever both devices edit offline, and whichever reconnects first: both end with one record, and every line either wrote is kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 3 }), async (rounds) => {
        const server = newServer();
        const devices = { a: await newDevice('a'), b: await newDevice('b') };
        let clock = T0;
        try {
          await devices.a.put('resources', resource('r', { notes: 'one\ntwo\nthree\nfour', updatedAt: clock }));
          await devices.a.sync(server);
          await devices.b.sync(server);
          for (const r of rounds) {
            const written: string[] = [];
            const start = new Set((await devices.a.get<Resource>('resources', 'r'))!.notes.split('\n'));
            for (const name of ['a', 'b'] as const) {
              const device = devices[name];
              for (const e of r[name]) {
                const current = (await device.get<Resource>('resources', 'r'))!;
                clock += 1000;
                if (e.kind === 'line') {
                  const lines = current.notes.split('\n');
                  lines[Math.min(e.line, lines.length - 1)] = `${e.word}-${name}-${clock}`;
                  await device.put('resources', { ...current, notes: lines.join('\n'), updatedAt: clock });
                } else {
                  const tags = e.add ? [...new Set([...current.tags, e.tag])] : current.tags.filter((t) => t !== e.tag);
                  await device.put('resources', { ...current, tags, updatedAt: clock });
                }
              }
              // The lines this device wrote in the round (not those it only had).
              written.push(
                ...(await device.get<Resource>('resources', 'r'))!.notes.split('\n').filter((l) => !start.has(l)),
              );
            }
            const order = r.bFirst ? (['b', 'a', 'b', 'a'] as const) : (['a', 'b', 'a', 'b'] as const);
            for (const name of order) await devices[name].sync(server);
            const [a, b] = await Promise.all([
              devices.a.get<Resource>('resources', 'r'),
              devices.b.get<Resource>('resources', 'r'),
            ]);
            expect(b).toEqual(a);
            const kept = [a!.notes, ...(a!.conflicts ?? []).map((c) => c.text)].join('\n').split('\n');
            for (const line of written) expect(kept).toContain(line);
          }
          const doc = await server.get('resources/r', { conflicts: true });
          expect((doc as { _conflicts?: string[] })._conflicts ?? []).toEqual([]);
        } finally {
          await Promise.all([devices.a.close(), devices.b.close(), server.destroy()]);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
