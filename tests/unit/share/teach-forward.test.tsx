import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEACH_PAGE_SIZE, TeachForward } from '../../../components/team/TeachForward';
import { addClip, editResources, saveCapturedPage } from '../../../lib/app/resources';
import { addQuote } from '../../../lib/app/quotes';
import { addTakeaways } from '../../../lib/app/takeaways';
import { getDb } from '../../../lib/db/open';
import type { Resource } from '../../../lib/model/resource';
import { sampleRecords } from '../backup/helpers';

// "Teach it forward": a compact list of what was learned and not shared, marked shared in bulk,
// in pages; how it was shared is recorded only when the user says how.

function learnedResources(count: number): Resource[] {
  const template = sampleRecords(3).resources[1]!;
  return Array.from({ length: count }, (_, index) => {
    const resource: Resource = {
      ...template,
      id: `learned-${String(index).padStart(3, '0')}`,
      url: `https://example.com/${index}`,
      canonicalUrl: `https://example.com/${index}`,
      title: `Learned thing ${index + 1}`,
      status: 'learned',
      learnedAt: Date.UTC(2025, 0, 2) + index * 60_000,
    };
    delete resource.sharedAt;
    delete resource.sharedHow;
    return resource;
  });
}

async function put(resources: Resource[]) {
  const tx = (await getDb()).transaction('resources', 'readwrite');
  for (const resource of resources) void tx.store.put(resource);
  await tx.done;
}

const stored = async () => (await getDb()).getAll('resources');
const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('.teach-item')];
const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
const click = (element: HTMLElement) =>
  act(async () => {
    element.click();
  });

describe('Teach it forward', () => {
  let root: HTMLElement;
  async function show() {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<TeachForward hook={null} />, root);
    });
  }
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('starts with no channel chosen, and without one records "shared" with no channel', async () => {
    const [resource] = learnedResources(1);
    await put([resource!]);
    await show();
    await vi.waitFor(() => expect(rows(root)).toHaveLength(1));
    const how = root.querySelector<HTMLSelectElement>('#teach-how')!;
    expect(how.value).toBe('');
    // Nothing ticked: nothing to mark.
    expect(button(root, 'Mark shared').disabled).toBe(true);
    await click(rows(root)[0]!.querySelector<HTMLInputElement>('.teach-check')!);
    await vi.waitFor(() => expect(button(root, 'Mark shared').disabled).toBe(false));
    await click(button(root, 'Mark shared'));
    await vi.waitFor(async () => expect((await stored())[0]?.sharedAt).toBeDefined());
    expect((await stored())[0]?.sharedHow).toBeUndefined();
    // All that was learned is shared now: the empty state says so.
    await vi.waitFor(() => expect(root.querySelector('.empty')?.textContent).toMatch(/^Nothing waiting: everything/));
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Marked as shared: Learned thing 1');
  });

  it('with nothing learned yet, the empty state does not claim everything was shared', async () => {
    await show();
    await vi.waitFor(() => expect(root.querySelector('.empty')?.textContent).toMatch(/^Nothing to teach forward yet/));
  });

  it('offers what has takeaways, quotes or clips though never marked Learned, not what is shared or bare', async () => {
    const save = async (id: string, title: string) =>
      (
        await saveCapturedPage({
          url: `https://example.com/${id}`,
          canonicalUrl: `https://example.com/${id}`,
          kind: 'article',
          title,
        })
      ).resource.id;
    const at = Date.UTC(2026, 11, 1);
    await save('bare', 'Saved, nothing in it');
    await addQuote(await save('quoted', 'Quoted'), { id: 'q', exact: 'A passage', note: '', createdAt: at }, at);
    await addClip(await save('clipped', 'Clipped'), { id: 'c', atSec: 5, note: 'A moment', createdAt: at + 1 }, at + 1);
    const shared = await save('shared', 'Shared already');
    await addTakeaways(shared, 'Told them', at + 2);
    await editResources([shared], { shared: { how: 'chat' } }, at + 3);
    await show();
    await vi.waitFor(() => expect(rows(root)).toHaveLength(2));
    // The most recently noted first, each with something it has to teach.
    expect(rows(root).map((row) => row.querySelector('.teach-title')!.textContent)).toEqual(['Clipped', 'Quoted']);
    expect(rows(root).map((row) => row.querySelector('.teach-takeaway')?.textContent)).toEqual([
      'A moment',
      '“A passage”',
    ]);
  });

  it('shows 60 in pages of one line each, and marks a whole page shared in a meeting at once', async () => {
    await put(learnedResources(60));
    await show();
    await vi.waitFor(() => expect(rows(root)).toHaveLength(TEACH_PAGE_SIZE));
    // One control per row beside its checkbox: the list stays compact.
    for (const row of rows(root)) expect(row.querySelectorAll('select, button, a.btn')).toHaveLength(1);
    const pager = root.querySelector('nav.teach-pager')!;
    expect(pager.textContent).toContain('1–25 of 60 resources');
    expect(button(root, 'Previous').disabled).toBe(true);
    await click(button(root, 'Next'));
    await click(button(root, 'Next'));
    await vi.waitFor(() => expect(rows(root)).toHaveLength(10));
    expect(pager.textContent).toContain('51–60 of 60 resources');
    expect(button(root, 'Next').disabled).toBe(true);
    await click(button(root, 'Previous'));
    await vi.waitFor(() => expect(pager.textContent).toContain('26–50 of 60 resources'));
    const secondPage = rows(root).map((row) => row.querySelector('.teach-title')!.textContent);

    await click(root.querySelector<HTMLInputElement>('.teach-select-page input')!);
    await vi.waitFor(() => expect(root.querySelector('.teach-count')?.textContent).toBe('25 selected'));
    const how = root.querySelector<HTMLSelectElement>('#teach-how')!;
    await act(async () => {
      how.value = 'meeting';
      how.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button(root, 'Mark shared'));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Marked 25 resources as shared.'),
    );
    const records = await stored();
    const marked = records.filter((r) => r.sharedAt !== undefined);
    expect(marked.map((r) => r.title).sort()).toEqual([...secondPage].sort());
    expect(new Set(marked.map((r) => r.sharedHow))).toEqual(new Set(['meeting']));
    // The rest closes up: 35 left, the page it was on now shows the last ten.
    await vi.waitFor(() => expect(pager.textContent).toContain('26–35 of 35 resources'));
    expect(root.querySelector('.teach-count')?.textContent).toBe('Tick what you shared first.');
  });
});
