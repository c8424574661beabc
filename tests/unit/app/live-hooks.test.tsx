import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLiveQuery, useStorageItem } from '../../../components/hooks/live';
import { editResource, saveCapturedPage } from '../../../lib/app/resources';
import { announceChange } from '../../../lib/db/changes';
import { showThumbnails } from '../../../lib/settings';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(node, host);
  });
}

const text = () => host.textContent ?? '';
const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('useLiveQuery', () => {
  it('shows what is stored, then follows every change made through the application layer', async () => {
    const { resource } = await saveCapturedPage({
      url: 'https://blog.example.org/a',
      canonicalUrl: 'https://blog.example.org/a',
      kind: 'article',
      title: 'A',
    });
    const { getResource } = await import('../../../lib/app/resources');
    function Notes() {
      const live = useLiveQuery(() => getResource(resource.id), ['resources']);
      return <p>{live.data ? `notes: ${live.data.notes}` : 'loading'}</p>;
    }
    await mount(<Notes />);
    await vi.waitFor(() => expect(text()).toBe('notes: '));
    await editResource(resource.id, { notes: 'pair on it' });
    await vi.waitFor(() => expect(text()).toBe('notes: pair on it'));
  });

  it('a load that finishes after a newer one never overwrites it', async () => {
    const pending: ((value: string) => void)[] = [];
    function Latest() {
      const live = useLiveQuery(() => new Promise<string>((resolve) => pending.push(resolve)), ['actions']);
      return <p>{live.data ?? 'loading'}</p>;
    }
    await mount(<Latest />);
    announceChange('actions', []);
    await flush();
    expect(pending).toHaveLength(2);
    // The newer load answers first, then the older one, late.
    await act(async () => pending[1]!('newer'));
    await flush();
    await act(async () => pending[0]!('older'));
    await flush();
    expect(text()).toBe('newer');
  });

  it('ignores changes of other stores and those its filter refuses', async () => {
    let loads = 0;
    function Counted() {
      const live = useLiveQuery(async () => ++loads, ['resources'], [], {
        accept: (change) => change.ids.includes('mine'),
      });
      return <p>{live.data ?? 0}</p>;
    }
    await mount(<Counted />);
    await vi.waitFor(() => expect(text()).toBe('1'));
    announceChange('actions', ['mine']);
    announceChange('resources', ['other']);
    await flush();
    expect(loads).toBe(1);
    announceChange('resources', ['mine']);
    await vi.waitFor(() => expect(text()).toBe('2'));
    expect(loads).toBe(2);
  });
});

describe('useStorageItem', () => {
  it('reads the item and follows it', async () => {
    function Thumbs() {
      const value = useStorageItem(showThumbnails);
      return <p>{value === undefined ? 'loading' : String(value)}</p>;
    }
    await mount(<Thumbs />);
    await vi.waitFor(() => expect(text()).toBe('true'));
    await act(async () => showThumbnails.setValue(false));
    await vi.waitFor(() => expect(text()).toBe('false'));
  });
});
