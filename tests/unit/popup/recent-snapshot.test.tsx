import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdUntilAnswered, resetFirstAnswer } from '../../../lib/pages/first-answer';
import { RecentList } from '../../../components/popup/RecentList';
import { deleteResources, listNewest, saveCapturedPage } from '../../../lib/app/resources';
import type { Resource } from '../../../lib/model/resource';
import {
  readRecentSnapshot,
  RECENT_SNAPSHOT_KEY,
  toRecentItem,
  writeRecentSnapshot,
} from '../../../lib/pages/popup-snapshot';

const talk: Resource = {
  id: 'r1',
  url: 'https://www.youtube.com/watch?v=abc',
  canonicalUrl: 'https://www.youtube.com/watch?v=abc',
  kind: 'video',
  title: 'Shared vision',
  site: 'YouTube',
  videoId: 'abc',
  positionSec: 754,
  durationSec: 2537,
  status: 'learning',
  tags: ['leadership'],
  notes: 'A private note that stays in the database',
  takeaways: [],
  createdAt: 1,
  updatedAt: 2,
} as unknown as Resource;

describe('the popup’s recent-list snapshot', () => {
  beforeEach(() => localStorage.clear());

  it('keeps what the list shows and reads it back; never the notes', () => {
    writeRecentSnapshot([talk]);
    expect(readRecentSnapshot()).toEqual([toRecentItem(talk)]);
    expect(localStorage.getItem(RECENT_SNAPSHOT_KEY)).not.toContain('private note');
    expect(readRecentSnapshot()![0]).toMatchObject({ title: 'Shared vision', positionSec: 754, kind: 'video' });
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{'],
    ['not a list', '{"id":"r1"}'],
    ['an unknown kind', JSON.stringify([{ ...toRecentItem(talk), kind: 'podcast' }])],
    ['a title that is not text', JSON.stringify([{ ...toRecentItem(talk), title: 7 }])],
  ])('trusts no snapshot with %s', (_label, raw) => {
    if (raw !== null) localStorage.setItem(RECENT_SNAPSHOT_KEY, raw);
    expect(readRecentSnapshot()).toBeNull();
  });

  it('a storage that refuses the write leaves the popup as it was', () => {
    const full = {
      getItem: () => null,
      setItem: vi.fn(() => {
        throw new DOMException('full', 'QuotaExceededError');
      }),
    };
    expect(() => writeRecentSnapshot([talk], full)).not.toThrow();
  });
});

describe('RecentList', () => {
  let host: HTMLElement;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    render(null, host);
    host.remove();
  });
  const mount = async () => {
    host = document.createElement('div');
    document.body.append(host);
    await act(async () => render(<RecentList />, host));
  };
  const saveSince = () =>
    saveCapturedPage({
      url: 'https://blog.example.org/now',
      canonicalUrl: 'https://blog.example.org/now',
      kind: 'article',
      title: 'Saved since',
    });
  const titles = () => [...host.querySelectorAll('.recent-title')].map((el) => el.textContent);

  it('paints the last list in its first render, then shows what the database holds and keeps that', async () => {
    const { resource } = await saveSince();
    writeRecentSnapshot([talk]);
    host = document.createElement('div');
    document.body.append(host);
    // The first render, synchronously: no database read has answered yet.
    render(<RecentList />, host);
    expect(titles()).toEqual(['Shared vision']);
    expect(host.querySelector('.skeleton')).toBeNull();
    await vi.waitFor(() => expect(titles()).toEqual(['Saved since']));
    expect(readRecentSnapshot()!.map((item) => item.id)).toEqual([resource.id]);
    await deleteResources([resource.id]);
    await vi.waitFor(() => expect(host.textContent).toContain('Nothing saved yet'));
    expect(readRecentSnapshot()).toEqual([]);
  });

  it('reads the database only once Save knows whether its page is saved; the last list shows meanwhile', async () => {
    await saveSince();
    writeRecentSnapshot([talk]);
    let answer!: () => void;
    holdUntilAnswered(new Promise<void>((resolve) => (answer = resolve)));
    try {
      await mount();
      // Several full database round trips: a read the list had asked for would have answered.
      for (let i = 0; i < 3; i++) await act(async () => void (await listNewest(5)));
      expect(titles()).toEqual(['Shared vision']);
      answer();
      await vi.waitFor(() => expect(titles()).toEqual(['Saved since']));
    } finally {
      resetFirstAnswer();
    }
  });

  it('without a snapshot it waits for the database, as before', async () => {
    await mount();
    await vi.waitFor(() => expect(host.querySelector('.empty')).not.toBeNull());
  });
});
