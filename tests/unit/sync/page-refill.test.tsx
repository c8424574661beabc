import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResourcePage } from '../../../components/library/ResourcePage';
import { applyFromServer } from '../../../lib/app/sync-pass';
import { getDb } from '../../../lib/db/open';
import { resource } from './devices';

// A note that came from another device shows in the page that took it in, though the change
// was announced from that same page (it is not the page's own typing coming back).

describe('a resource page open while sync brings an edit', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('refills the notes field from what the pass wrote in this page', async () => {
    const here = resource('r1', { notes: 'first line' });
    await (await getDb()).put('resources', here);
    await act(async () => {
      render(<ResourcePage id="r1" />, root);
    });
    const notes = () => root.querySelector<HTMLTextAreaElement>('textarea[aria-label="Notes"], #res-notes, textarea');
    await vi.waitFor(() => expect(notes()?.value).toBe('first line'));
    const fromServer = { ...here, notes: 'first line\nfrom the other device', updatedAt: here.updatedAt + 1000 };
    const result = await applyFromServer.apply([{ store: 'resources', id: 'r1', incoming: fromServer, base: here }]);
    await act(async () => {
      await applyFromServer.announce(result.written);
    });
    await vi.waitFor(() => expect(notes()?.value).toBe('first line\nfrom the other device'));
  });
});
