import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeptEditNotices } from '../../../components/library/KeptEditNotices';
import { applyFromServer } from '../../../lib/app/sync-pass';
import { getDb } from '../../../lib/db/open';
import * as messaging from '../../../lib/messaging-transport';
import type { Resource } from '../../../lib/model/resource';
import { resource } from '../sync/devices';

const T0 = Date.UTC(2026, 11, 1, 9);
const TYPED = 'what I typed on the train';
let host: HTMLElement;

async function mount() {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<KeptEditNotices />, host);
  });
}
function unmount() {
  render(null, host);
  host.remove();
}
const notices = () => [...host.querySelectorAll('.kept-edit')].map((n) => n.querySelector('p')?.textContent);
function button(notice: number, name: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('.kept-edit')[notice]!.querySelectorAll('button')].find(
    (b) => b.textContent === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

/** A pass takes in removals of resources edited here (lib/sync/engine.ts decided they meet an edit). */
async function removedElsewhere(...records: Resource[]) {
  for (const record of records) await (await getDb()).put('resources', record);
  const result = await applyFromServer.apply(
    records.map((r) => ({ store: 'resources', id: r.id, incoming: null, keepEdit: true })),
  );
  await act(async () => {
    await applyFromServer.announce(result.written);
  });
}

describe('the library names an edit that met a removal from another device', () => {
  beforeEach(() => {
    vi.setSystemTime(T0 + 60_000);
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it('once, by title; Restore brings the resource back with the typed text', async () => {
    await mount();
    expect(notices()).toEqual([]);
    await removedElsewhere(resource('r1', { title: 'Deep work', notes: TYPED, updatedAt: T0 + 5 }));
    await vi.waitFor(() =>
      expect(notices()).toEqual(['“Deep work” was removed on another device; your edit is kept.']),
    );
    expect(await (await getDb()).getAll('resources')).toEqual([]);

    await act(async () => {
      button(0, 'Restore').click();
    });
    await vi.waitFor(() => expect(notices()).toEqual([]));
    const back = (await (await getDb()).getAll('resources')) as Resource[];
    expect(back.map((r) => [r.title, r.notes])).toEqual([['Deep work', TYPED]]);
    expect(host.textContent).toContain('“Deep work” is back in your library, with your edit.');
    // Not offered again on the next visit.
    unmount();
    await mount();
    expect(notices()).toEqual([]);
  });

  it('Dismiss lets the removal stand, for good', async () => {
    await removedElsewhere(
      resource('r1', { title: 'Deep work', notes: TYPED, updatedAt: T0 + 5 }),
      resource('r2', { title: 'Flow', notes: 'kept too', updatedAt: T0 + 5 }),
    );
    await mount();
    await vi.waitFor(() => expect(notices()).toHaveLength(2));
    await act(async () => {
      button(0, 'Dismiss').click();
    });
    await vi.waitFor(() => expect(notices()).toEqual(['“Flow” was removed on another device; your edit is kept.']));
    unmount();
    await mount();
    await vi.waitFor(() => expect(notices()).toHaveLength(1));
    expect(await (await getDb()).getAll('resources')).toEqual([]);
  });
});
