import { describe, expect, it } from 'vitest';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import { newActionHref, parseFrom } from '../../../lib/actions/source';
import { existingSources, loadSource } from '../../../lib/app/action-sources';
import { createAction, getAction } from '../../../lib/db/actions';
import { getDb } from '../../../lib/db/open';
import { deleteResources } from '../../../lib/db/resources';
import { parseRoute } from '../../../lib/routes';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';

const reflection: Reflection = {
  id: 'r1',
  promptId: 'p',
  promptText: 'What went less well?',
  answer: 'We planned   without asking QA.',
  createdAt: 1,
  updatedAt: 1,
};
const resource: Resource = {
  id: 'res1',
  url: 'https://example.org/a',
  canonicalUrl: 'https://example.org/a',
  kind: 'article',
  title: 'Shadowing a colleague',
  notes: '',
  clips: [],
  takeaways: takeawaysFromText('Watch before you judge', 1),
  tags: [],
  status: 'learned',
  createdAt: 1,
  updatedAt: 1,
};

describe('action sources', () => {
  it('the link other views use round-trips through the route', () => {
    const href = newActionHref('reflection', 'r1');
    expect(href).toBe('#actions?from=reflection%3Ar1');
    expect(parseFrom(parseRoute(href).query.from)).toEqual({ kind: 'reflection', id: 'r1' });
    expect(parseFrom('nonsense')).toBeNull();
  });

  it('a reflection: its answer is the title, prompt and answer the detail', async () => {
    await (await getDb()).put('reflections', reflection);
    expect(await loadSource('reflection:r1')).toEqual({
      source: { kind: 'reflection', id: 'r1', title: 'We planned without asking QA.' },
      detail: 'What went less well?\nWe planned   without asking QA.',
    });
  });

  it('a resource: its title, and takeaways as detail', async () => {
    await (await getDb()).put('resources', resource);
    expect(await loadSource('resource:res1')).toEqual({
      source: { kind: 'resource', id: 'res1', title: 'Shadowing a colleague' },
      detail: 'Watch before you judge',
    });
  });

  it('a clip of a resource: the link round-trips; the clip (time, chapter, note) is the detail', async () => {
    await (await getDb()).put('resources', {
      ...resource,
      clips: [{ id: 'c1', atSec: 754, chapter: 'Shared vision', note: 'Try it in the next retro', createdAt: 1 }],
    });
    const href = newActionHref('resource', 'res1', { kind: 'clip', id: 'c1' });
    const from = parseRoute(href).query.from;
    expect(parseFrom(from)).toEqual({ kind: 'resource', id: 'res1', item: { kind: 'clip', id: 'c1' } });
    expect(await loadSource(from)).toEqual({
      source: { kind: 'resource', id: 'res1', title: 'Shadowing a colleague', item: { kind: 'clip', id: 'c1' } },
      detail: '12:34 · Shared vision · Try it in the next retro',
      suggested: 'Try it in the next retro',
    });
  });

  it('a missing source is null', async () => {
    expect(await loadSource('resource:gone')).toBeNull();
  });

  it('after the source is deleted the action still shows what it came from', async () => {
    await (await getDb()).put('resources', resource);
    const loaded = await loadSource('resource:res1');
    const action = await createAction({ text: 'Shadow QA for a day', source: loaded!.source });
    expect(await existingSources([action.source])).toEqual(new Set(['resource:res1']));
    await deleteResources(['res1']);
    expect((await getAction(action.id))!.source.title).toBe('Shadowing a colleague');
    expect(await existingSources([action.source])).toEqual(new Set());
  });
});
