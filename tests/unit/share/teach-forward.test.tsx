import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeachForward } from '../../../components/team/TeachForward';
import { getDb } from '../../../lib/db/open';
import { getResource } from '../../../lib/db/resources';
import { sampleRecords } from '../backup/helpers';

// "Teach it forward": marking a learned resource shared records how only when the user says how.

describe('Teach it forward', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('starts with no channel chosen, and without one records "shared" with no channel', async () => {
    const [learned] = sampleRecords(3).resources.filter((r) => r.status === 'learned' && r.sharedAt === undefined);
    const resource = learned ?? {
      ...sampleRecords(3).resources[1]!,
      status: 'learned' as const,
      learnedAt: Date.UTC(2025, 0, 2),
    };
    delete resource.sharedAt;
    delete resource.sharedHow;
    await (await getDb()).put('resources', resource);
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<TeachForward hook={null} />, root);
    });
    const select = await vi.waitFor(() => {
      const found = root.querySelector<HTMLSelectElement>('.teach-controls select');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    expect(select.value).toBe('');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Mark shared')!;
    await act(async () => {
      button.click();
    });
    await vi.waitFor(async () => expect((await getResource(resource.id))?.sharedAt).toBeDefined());
    expect((await getResource(resource.id))?.sharedHow).toBeUndefined();
    // All that was learned is shared now: the empty state says so.
    await vi.waitFor(() => expect(root.querySelector('.empty')?.textContent).toMatch(/^Nothing waiting: everything/));
  });

  it('with nothing learned yet, the empty state does not claim everything was shared', async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<TeachForward hook={null} />, root);
    });
    await vi.waitFor(() => expect(root.querySelector('.empty')?.textContent).toMatch(/^Nothing to teach forward yet/));
  });
});
