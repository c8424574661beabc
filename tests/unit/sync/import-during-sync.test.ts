import { describe, expect, it } from 'vitest';
import { importText } from '../../../lib/backup/import';
import type { Resource } from '../../../lib/model/resource';
import { type Device, newDevice, newServer, resource } from './devices';

const T0 = Date.UTC(2026, 11, 7, 9);
const LINKS = Array.from({ length: 300 }, (_, i) => `https://imported.example/post-${i}`);

/**
 * The import as Settings runs it, on this device's library, then the mark its commit leaves (a
 * bulk write marks the store whole: lib/sync/outbox.ts), started and not awaited.
 */
function importOn(device: Device): Promise<void> {
  return importText(`url,tags\n${LINKS.map((url) => `${url},imported`).join('\n')}\n`, 'links.csv', {
    db: device.db,
    now: T0,
  }).then(async (result) => {
    expect(result.added).toBe(LINKS.length);
    await device.replaceAll('resources', await device.all('resources'));
  });
}

type During = (device: Device, work: () => void) => void;
const WHEN: [string, During][] = [
  ['as the pass starts sending', (device, work) => device.beforeNextSend(async () => work())],
  ['as the pass reads the library', (device, work) => device.beforeNextRead(async () => work())],
];

describe('an import while a sync pass runs', () => {
  for (const [when, during] of WHEN)
    it(`${when}: both complete, and the imported records reach the server and the other device`, async () => {
      const server = newServer();
      const a = await newDevice('a');
      const b = await newDevice('b');
      await a.put('resources', resource('before', { notes: 'saved before', updatedAt: T0 - 1000 }));
      await a.sync(server);
      const before = (await a.get<Resource>('resources', 'before'))!;
      await a.put('resources', { ...before, notes: 'edited', updatedAt: T0 - 500 } as Resource);
      let importing: Promise<void> = Promise.resolve();
      during(a, () => {
        importing = importOn(a);
      });
      await a.sync(server);
      await importing;
      await a.sync(server);
      await b.sync(server);
      const onB = (await b.all('resources')) as Resource[];
      expect(
        onB
          .filter((r) => r.tags.includes('imported'))
          .map((r) => r.url)
          .sort(),
      ).toEqual([...LINKS].sort());
      expect(onB.find((r) => r.id === 'before')?.notes).toBe('edited');
      await Promise.all([a.close(), b.close(), server.destroy()]);
    }, 60_000);
});
