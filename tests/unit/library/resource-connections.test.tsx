import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResourceConnections } from '../../../components/library/ResourceConnections';
import { getDb } from '../../../lib/db/open';
import type { Resource } from '../../../lib/model/resource';
import { DAY, endOfLocalDay, newReviewCard } from '../../../lib/model/review-card';
import { sampleRecords } from '../backup/helpers';

// "What came of it" on a resource page reads as a sentence: how it was shared, and whether its
// items are due for review now or come back later.

const NOW = Date.UTC(2026, 11, 3, 12);

function sharedResource(): Resource {
  const template = sampleRecords(3).resources[1]!;
  return {
    ...template,
    id: 'talk',
    status: 'learned',
    sharedAt: NOW - DAY,
    sharedHow: 'meeting',
    takeaways: [{ id: 'tk1', text: 'Write the timeline before the causes.', createdAt: NOW - 10 * DAY }],
  };
}

async function store(resource: Resource, due: number) {
  const db = await getDb();
  await db.put('resources', resource);
  await db.put('reviews', { ...newReviewCard(resource.id, 'takeaway', 'tk1', NOW - 10 * DAY, NOW), due });
}

describe('What came of it', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  async function show(resource: Resource) {
    await act(async () => {
      render(<ResourceConnections resource={resource} />, root);
    });
  }

  it('names how it was shared without doubling the preposition', async () => {
    const resource = sharedResource();
    await store(resource, NOW + 5 * DAY);
    await show(resource);
    await vi.waitFor(() => expect(root.textContent).toContain('Comes back for review on'));
    expect(root.textContent).toContain('Shared on 2 Dec 2026 · In a meeting');
    expect(root.textContent).not.toMatch(/in In a meeting/);
  });

  it('says an item is due now, with a way to review it, instead of "comes back" on a past day', async () => {
    const resource = sharedResource();
    await store(resource, NOW - 5 * DAY);
    await show(resource);
    await vi.waitFor(() => expect(root.textContent).toContain('Due for review since 28 Nov 2026.'));
    expect(root.textContent).not.toContain('Comes back for review');
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Review now');
    expect(link?.getAttribute('href')).toBe('#review');
  });

  it('counts an item due later today as due, as the Review section does', async () => {
    const resource = sharedResource();
    await store(resource, endOfLocalDay(NOW) - 1);
    await show(resource);
    await vi.waitFor(() => expect(root.textContent).toContain('Due for review since'));
    expect(root.textContent).not.toContain('Comes back for review');
  });

  it('links each action and answer to itself in its list, so a long list still reaches it', async () => {
    const resource = sharedResource();
    await store(resource, NOW + 5 * DAY);
    const db = await getDb();
    await db.put('actions', {
      id: 'act-1',
      text: 'Write the timeline first at the next incident review',
      source: { kind: 'resource', id: 'talk', title: resource.title },
      status: 'open',
      createdAt: NOW - DAY,
      updatedAt: NOW - DAY,
    });
    await db.put('reflections', {
      id: 'refl-1',
      promptId: 'resourceApply',
      promptText: 'How could you apply this?',
      answer: 'Timeline first.',
      resourceId: 'talk',
      resourceTitle: resource.title,
      createdAt: NOW - DAY,
      updatedAt: NOW - DAY,
    });
    await show(resource);
    await vi.waitFor(() => expect(root.textContent).toContain('How could you apply this?'));
    const hrefOf = (text: string) =>
      [...root.querySelectorAll('a')].find((a) => a.textContent?.startsWith(text))?.getAttribute('href');
    expect(hrefOf('Write the timeline first')).toBe('#actions?action=act-1');
    expect(hrefOf('How could you apply this?')).toBe('#journal?reflection=refl-1');
  });
});
