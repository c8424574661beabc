import { saveCapturedPage } from '../../../lib/app/resources';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import { describe, expect, it } from 'vitest';
import type { CapturedPage } from '../../../lib/model/captured-page';
import { onDbChange } from '../../../lib/db/changes';
import {
  deleteResources,
  getResource,
  listNewest,
  restoreResources,
  saveResource,
  updateResource,
  updateResources,
} from '../../../lib/db/resources';

function page(overrides: Partial<CapturedPage> = {}): CapturedPage {
  return {
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30',
    canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    kind: 'video',
    title: 'A talk',
    site: 'YouTube',
    author: 'A channel',
    videoId: 'dQw4w9WgXcQ',
    positionSec: 30.7,
    durationSec: 1800,
    ...overrides,
  };
}

describe('saveResource', () => {
  it('creates a queued record with capped, clean fields', async () => {
    const { resource, created } = await saveResource(
      page({ title: `  A   talk ${'x'.repeat(600)}` }),
      { notes: ' first note ', tags: ['#Leadership', 'leadership', 'Team Work'] },
      1000,
    );
    expect(created).toBe(true);
    expect(resource).toMatchObject({
      status: 'queued',
      notes: 'first note',
      tags: ['leadership', 'team work'],
      positionSec: 30,
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(resource.title.length).toBeLessThanOrEqual(500);
    expect(resource.title.startsWith('A talk x')).toBe(true);
    expect(await getResource(resource.id)).toEqual(resource);
  });

  it('saving the same canonical URL again updates the one record and keeps notes, tags, shared state and where to resume', async () => {
    const first = await saveResource(page({ positionSec: 42 }), { notes: 'keep me', tags: ['a'] }, 1000);
    await updateResource(
      first.resource.id,
      { shared: { how: 'demo' }, takeaways: takeawaysFromText('the point', 2000) },
      2000,
    );
    const second = await saveResource(
      page({ title: 'A talk (updated title)', positionSec: 99 }),
      { notes: 'and me', tags: ['b'] },
      3000,
    );
    expect(second.created).toBe(false);
    expect(second.resource.id).toBe(first.resource.id);
    expect(second.resource).toMatchObject({
      title: 'A talk (updated title)',
      // Watching on at 1:39 and saving again does not move "resume at" (a clip does that).
      positionSec: 42,
      notes: 'keep me\n\nand me',
      tags: ['a', 'b'],
      takeaways: [expect.objectContaining({ text: 'the point' })],
      sharedAt: 2000,
      sharedHow: 'demo',
      createdAt: 1000,
    });
    expect(await listNewest(10)).toHaveLength(1);
  });

  it('saved through the application layer, announces the change so open pages update', async () => {
    const seen: string[] = [];
    const stop = onDbChange((change) => seen.push(`${change.store}:${change.ids.length}`));
    await saveCapturedPage(page());
    stop();
    expect(seen).toEqual(['resources:1']);
  });
});

describe('listNewest', () => {
  it('returns the newest first, at most the limit', async () => {
    for (let i = 0; i < 30; i++)
      await saveResource(
        page({ canonicalUrl: `https://example.com/${i}`, url: `https://example.com/${i}`, title: `n${i}` }),
        {},
        1000 + i,
      );
    const newest = await listNewest(20);
    expect(newest).toHaveLength(20);
    expect(newest.map((r) => r.title).slice(0, 3)).toEqual(['n29', 'n28', 'n27']);
  });
});

describe('updateResource', () => {
  it('sets learnedAt when learned and clears it when not; shared sets and clears sharedAt', async () => {
    const { resource } = await saveResource(page(), {}, 1000);
    const learned = await updateResource(resource.id, { status: 'learned', shared: {} }, 5000);
    expect(learned).toMatchObject({ status: 'learned', learnedAt: 5000, sharedAt: 5000 });
    const back = await updateResource(resource.id, { status: 'learning', shared: false }, 6000);
    expect(back!.learnedAt).toBeUndefined();
    expect(back!.sharedAt).toBeUndefined();
    expect(back!.updatedAt).toBe(6000);
  });

  it('updates many in one transaction and sorts clips', async () => {
    const a = await saveResource(page({ canonicalUrl: 'https://a.example/', url: 'https://a.example/' }));
    const b = await saveResource(page({ canonicalUrl: 'https://b.example/', url: 'https://b.example/' }));
    const out = await updateResources([a.resource.id, b.resource.id, 'missing'], {
      clips: [
        { id: 'b', atSec: 90.5, note: 'b', createdAt: 1 },
        { id: 'a', atSec: 10, note: 'a', createdAt: 2 },
        { id: 'bad', atSec: -1, note: 'bad', createdAt: 3 },
      ],
    });
    expect(out).toHaveLength(2);
    expect(out[0]!.clips).toEqual([
      { id: 'a', atSec: 10, note: 'a', createdAt: 2 },
      { id: 'b', atSec: 90, note: 'b', createdAt: 1 },
    ]);
  });
});

describe('delete and restore', () => {
  it('returns what it deleted and restores it exactly', async () => {
    const { resource } = await saveResource(page(), { notes: 'precious' });
    const removed = await deleteResources([resource.id]);
    expect(await getResource(resource.id)).toBeUndefined();
    await restoreResources(removed);
    expect(await getResource(resource.id)).toEqual(resource);
  });
});
