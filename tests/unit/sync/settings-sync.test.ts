import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_DOC_ID, type SettingsDoc } from '../../../lib/sync/records';
import { type Device, newDevice, newServer } from './devices';

// The settings document between devices (real PouchDB replication): issue #49, item 1.

const T0 = Date.UTC(2026, 11, 7, 9);
/** One clock for every device of a test, a second on at each read: "later" is well defined. */
function clock(): () => number {
  let now = T0;
  return () => {
    now += 1000;
    return now;
  };
}

const CHOSEN_ON_A = { reviewsPerPrompt: 7, showThumbnails: false, clipSegmentSeconds: 45 };

async function serverSettings(server: PouchDB.Database<Record<string, unknown>>): Promise<SettingsDoc> {
  return (await server.get(SETTINGS_DOC_ID)) as unknown as SettingsDoc;
}

describe('settings between devices', () => {
  it("a fresh device that connects keeps what the first device chose, on both (its fallbacks don't win)", async () => {
    const now = clock();
    const server = newServer();
    const a = await newDevice('a', now);
    a.settings(CHOSEN_ON_A);
    await a.sync(server);
    // B connects later, with nothing chosen: everything marked, the settings document too.
    const b = await newDevice('b', now);
    b.settings({});
    for (const device of [b, a, b, a]) await device.sync(server);
    expect(a.settings()).toMatchObject(CHOSEN_ON_A);
    expect(b.settings()).toMatchObject(CHOSEN_ON_A);

    // Then B changes one setting: A takes that one and keeps the others.
    b.settings({ clipSegmentSeconds: 60 });
    for (const device of [b, a]) await device.sync(server);
    expect(a.settings()).toMatchObject({ reviewsPerPrompt: 7, showThumbnails: false, clipSegmentSeconds: 60 });
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('a fresh device whose first document is sent before it saw the server: the conflict keeps the choices', async () => {
    const now = clock();
    const server = newServer();
    const a = await newDevice('a', now);
    const b = await newDevice('b', now);
    a.settings(CHOSEN_ON_A);
    // B chose one setting of its own before it ever met A (earlier than A's).
    b.settings({ promptSchedule: { ...(b.settings().promptSchedule as object), snoozeMinutes: 30 } });
    await a.sync(server);
    a.settings({ reviewsPerPrompt: 8 });
    // Both write the document offline: two leaves on the server.
    await Promise.all([a.sync(server), b.sync(server)]);
    for (const device of [a, b, a, b]) await device.sync(server);
    for (const device of [a, b]) {
      expect(device.settings()).toMatchObject({ reviewsPerPrompt: 8, showThumbnails: false, clipSegmentSeconds: 45 });
      expect((device.settings().promptSchedule as { snoozeMinutes: number }).snoozeMinutes).toBe(30);
    }
    await Promise.all([a.close(), b.close(), server.destroy()]);
  });

  it('the document an older version reads holds only chosen values, and says when each was chosen', async () => {
    const now = clock();
    const server = newServer();
    const a = await newDevice('a', now);
    a.settings(CHOSEN_ON_A);
    await a.sync(server);
    const doc = await serverSettings(server);
    // An older client applies `values` whole: only what was chosen, nothing it has unchosen.
    expect(doc.values).toEqual(CHOSEN_ON_A);
    expect(Object.keys(doc.chosenAt ?? {}).sort()).toEqual(Object.keys(CHOSEN_ON_A).sort());
    await Promise.all([a.close(), server.destroy()]);
  });

  it("an older version's fresh device (its fallbacks, newer) is not taken in, and the choices go back over it", async () => {
    const now = clock();
    const server = newServer();
    const a = await newDevice('a', now);
    a.settings(CHOSEN_ON_A);
    await a.sync(server);
    // What a device of the version before writes at connect: every setting, stamped now.
    const current = await serverSettings(server);
    await server.put({
      _id: SETTINGS_DOC_ID,
      _rev: current._rev,
      store: 'settings',
      values: {
        ...a.settings(),
        ...{ reviewsPerPrompt: 3, showThumbnails: true, clipSegmentSeconds: 30 },
        language: 'auto',
      },
      updatedAt: now(),
    } as never);
    await a.sync(server);
    expect(a.settings()).toMatchObject(CHOSEN_ON_A);
    // Written back, so the older device applies the choices at its next pass.
    expect((await serverSettings(server)).values).toEqual(CHOSEN_ON_A);
    await Promise.all([a.close(), server.destroy()]);
  });

  it("an older version's choice (a value off the fallback) is taken in as chosen at its document's time", async () => {
    const now = clock();
    const server = newServer();
    const a = await newDevice('a', now);
    a.settings({ reviewsPerPrompt: 7 });
    await a.sync(server);
    const current = await serverSettings(server);
    await server.put({
      _id: SETTINGS_DOC_ID,
      _rev: current._rev,
      store: 'settings',
      values: { reviewsPerPrompt: 7, showThumbnails: false, clipSegmentSeconds: 30, language: 'sv' },
      updatedAt: now(),
    } as never);
    await a.sync(server);
    expect(a.settings()).toMatchObject({ reviewsPerPrompt: 7, showThumbnails: false, clipSegmentSeconds: 30 });
    // The language is each device's own: it does not travel.
    expect(a.settings()).not.toHaveProperty('language');
    await Promise.all([a.close(), server.destroy()]);
  });
});

type Step =
  | { kind: 'choose'; device: number; name: 'reviewsPerPrompt' | 'clipSegmentSeconds'; value: number }
  | { kind: 'sync'; device: number };

describe('any interleaving of connects, passes and choices on three devices', () => {
  it('converges, after a pass on each, to the last choice of each setting; what nobody chose stays the fallback', async () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('choose' as const),
        device: fc.nat(2),
        name: fc.constantFrom('reviewsPerPrompt' as const, 'clipSegmentSeconds' as const),
        value: fc.integer({ min: 5, max: 10 }),
      }),
      fc.record({ kind: fc.constant('sync' as const), device: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const now = clock();
        const server = newServer();
        const devices: Device[] = [];
        for (const name of ['a', 'b', 'c']) devices.push(await newDevice(name, now));
        const last: Record<string, number> = {};
        try {
          for (const s of steps) {
            const device = devices[s.device]!;
            if (s.kind === 'choose') {
              device.settings({ [s.name]: s.value });
              last[s.name] = s.value;
            } else await device.sync(server);
          }
          for (let round = 0; round < 2; round++) for (const device of devices) await device.sync(server);
          for (const device of devices)
            expect(device.settings()).toMatchObject({
              reviewsPerPrompt: 3,
              clipSegmentSeconds: 30,
              showThumbnails: true,
              ...last,
            });
        } finally {
          await Promise.all([...devices.map((d) => d.close()), server.destroy()]);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
