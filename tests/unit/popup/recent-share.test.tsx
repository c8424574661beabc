import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamPublishChoice } from '../../../lib/settings';

// The popup's recent rows, each with its "Shared with team" box: named by its row, and ticking
// one follows the team's publish choice as the library does (asked each time, always, never).

const LONG_TITLE =
  'Setting Up the Development Environment for a Monorepo with Many Teams and Many Opinions About Tooling';

let host: HTMLElement | undefined;
afterEach(() => {
  if (host) {
    render(null, host);
    host.remove();
    host = undefined;
  }
  vi.doUnmock('../../../lib/app/team');
});

const publishToTeam = vi.fn(async (_id: string, _include: unknown) => ({ ok: true as const, cut: [] }));

async function mountRecent(): Promise<HTMLElement> {
  const { saveResource } = await import('../../../lib/db/resources');
  await saveResource({
    url: 'https://example.org/a',
    canonicalUrl: 'https://example.org/a',
    kind: 'article',
    title: 'Error budgets',
  });
  await saveResource({
    url: 'https://example.org/b',
    canonicalUrl: 'https://example.org/b',
    kind: 'article',
    title: LONG_TITLE,
  });
  const { RecentList } = await import('../../../components/popup/RecentList');
  const element = document.createElement('div');
  host = element;
  document.body.append(element);
  await act(async () => render(<RecentList />, element));
  await vi.waitFor(() => expect(element.querySelectorAll('input[type="checkbox"]')).toHaveLength(2));
  return element;
}

/** The box in the row showing `title`. */
const boxNamed = (root: HTMLElement, title: string) =>
  [...root.querySelectorAll('li')]
    .find((row) => row.querySelector('.recent-title')?.textContent === title)
    ?.querySelector<HTMLInputElement>('input[type="checkbox"]');

async function tick(box: HTMLInputElement) {
  await act(async () => {
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function connectTeam(publish: TeamPublishChoice['publish']) {
  const { syncAccount, teamPublishChoice } = await import('../../../lib/settings');
  await syncAccount.setValue({
    server: 'https://couch.example.org',
    user: 'sam',
    database: 'll-sam',
    teamDatabase: 'll-team',
    connectedAt: 1,
  });
  await teamPublishChoice.setValue({ publish, include: { takeaways: true, quotes: true, clips: false } });
}

describe('the popup’s “Shared with team” boxes', () => {
  beforeEach(() => {
    vi.resetModules();
    publishToTeam.mockClear();
    vi.doMock('../../../lib/app/team', async (original) => ({
      ...(await original<typeof import('../../../lib/app/team')>()),
      publishToTeam,
    }));
  });

  it('are each named by their item, the visible label first and the title bounded', async () => {
    const root = await mountRecent();
    const names = [...root.querySelectorAll('input[type="checkbox"]')].map((box) => box.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(2);
    expect(names).toContain('Shared with team: “Error budgets”');
    const long = names.find((name) => name?.includes('Setting Up'))!;
    expect(long).toBe(`Shared with team: “${LONG_TITLE.slice(0, 59)}…”`);
    // The row's label still reads as before.
    expect(boxNamed(root, 'Error budgets')!.closest('label')?.textContent).toBe('Shared with team');
  });

  it('asks before publishing when the team is set to ask each time', async () => {
    await connectTeam(null);
    const root = await mountRecent();
    await tick(boxNamed(root, 'Error budgets')!);
    await vi.waitFor(() => expect(root.textContent).toContain('Also publish to the team space?'));
    expect(publishToTeam).not.toHaveBeenCalled();
    const { listNewest } = await import('../../../lib/db/resources');
    expect((await listNewest(5)).find((r) => r.title === 'Error budgets')?.sharedAt).toBeTypeOf('number');

    const yes = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Publish')!;
    await act(async () => yes.click());
    await vi.waitFor(() => expect(publishToTeam).toHaveBeenCalledTimes(1));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Published to the team space.'),
    );
    expect(root.textContent).not.toContain('Also publish to the team space?');
  });

  it('publishes at once when the team is set to always, with what it includes', async () => {
    await connectTeam(true);
    const root = await mountRecent();
    await tick(boxNamed(root, 'Error budgets')!);
    await vi.waitFor(() => expect(publishToTeam).toHaveBeenCalledTimes(1));
    expect(publishToTeam.mock.calls[0]![1]).toEqual({ takeaways: true, quotes: true, clips: false });
    expect(root.textContent).not.toContain('Also publish to the team space?');
  });

  it('never publishes nor asks when the team is set to never', async () => {
    await connectTeam(false);
    const root = await mountRecent();
    await tick(boxNamed(root, 'Error budgets')!);
    const { listNewest } = await import('../../../lib/db/resources');
    await vi.waitFor(async () =>
      expect((await listNewest(5)).find((r) => r.title === 'Error budgets')?.sharedAt).toBeTypeOf('number'),
    );
    await act(async () => void (await import('../../../components/team/TeamSpace')));
    expect(root.textContent).not.toContain('Also publish to the team space?');
    expect(publishToTeam).not.toHaveBeenCalled();
  });
});
