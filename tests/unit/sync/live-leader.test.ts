import { afterEach, describe, expect, it, vi } from 'vitest';
import { whileLeading } from '../../../lib/app/page-sync';

// Issue #49, item 10: every library page ran its own live replication, whose long polls filled
// Chromium's six connections to the server. One page of the profile leads it; when that page
// closes, one that waits takes over. (The e2e test tests/e2e/sync-pages.test.ts runs it in Chromium.)

/** The Web Locks API as one profile's pages share it: exclusive locks granted in request order. */
function fakeLocks() {
  const held = new Set<string>();
  const queue: { name: string; grant: () => void; signal?: AbortSignal }[] = [];
  const next = (name: string) => {
    if (held.has(name)) return;
    const at = queue.findIndex((entry) => entry.name === name);
    if (at >= 0) queue.splice(at, 1)[0]!.grant();
  };
  return {
    request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const entry = {
          name,
          ...(options.signal ? { signal: options.signal } : {}),
          grant: () => {
            held.add(name);
            void callback()
              .finally(() => {
                held.delete(name);
                next(name);
              })
              .then(resolve, reject);
          },
        };
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(entry);
          if (at >= 0) {
            queue.splice(at, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
        queue.push(entry);
        next(name);
      });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one live replication per profile, however many pages are open', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('three pages: one leads; when it closes the next leads; a page closed while waiting never does', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const leading: string[] = [];
    const stopped: string[] = [];
    const page = (name: string) =>
      whileLeading(async () => {
        leading.push(name);
        return () => stopped.push(name);
      });
    const stopA = page('A');
    const stopB = page('B');
    const stopC = page('C');
    await settle();
    expect(leading).toEqual(['A']);

    stopB();
    stopA();
    await settle();
    expect(stopped).toEqual(['A']);
    expect(leading).toEqual(['A', 'C']);

    stopC();
    await settle();
    expect(stopped).toEqual(['A', 'C']);
  });

  it('a page stopped before its replication has started stops it as soon as it starts', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    let start: (stop: () => void) => void = () => undefined;
    const stop = vi.fn();
    const stopPage = whileLeading(() => new Promise((resolve) => (start = resolve)));
    await settle();
    stopPage();
    start(stop);
    await settle();
    expect(stop).toHaveBeenCalledOnce();
  });
});
