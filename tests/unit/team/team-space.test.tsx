import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FromTheTeam } from '../../../components/team/TeamSpace';
import { TeamPublishLine } from '../../../components/team/TeamPublishLine';
import { readTeamSpace, type TeamSpace } from '../../../lib/app/team';
import { getDb } from '../../../lib/db/open';
import { syncAccount } from '../../../lib/settings';
import { TEAM_RULES_VERSION } from '../../../lib/team/bounds';
import type { SharedItem } from '../../../lib/team/documents';
import { resource } from '../sync/devices';
import { NOW, teamItem } from './items';

// The Team page as a member sees it: the team space this browser holds (its replica stands in
// here), what it could not show and why, a page of items at a time, each item's lists short,
// and Save to my library saying why when it cannot save.

const team = vi.hoisted(() => ({
  docs: [] as unknown[],
  rulesVersion: 3 as number | null,
  written: [] as Record<string, unknown>[],
}));

vi.mock('../../../lib/team/replica', () => ({
  readTeamCredentials: async () => ({
    account: {
      server: 'https://couch.example.org',
      user: 'alice',
      database: 'userdb-616c696365',
      teamDatabase: 'team-learning',
      connectedAt: Date.UTC(2026, 10, 1),
    },
    password: 'pw',
  }),
  syncTeam: async () => undefined,
  readTeamDocs: async () => ({ docs: team.docs, rulesVersion: team.rulesVersion }),
  writeTeamDoc: async (_credentials: unknown, doc: Record<string, unknown>) => {
    team.written.push(doc);
  },
}));

let root: HTMLElement;
beforeEach(() => {
  vi.setSystemTime(NOW);
  team.docs = [];
  team.rulesVersion = TEAM_RULES_VERSION;
  team.written = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

async function show(): Promise<TeamSpace> {
  const space = (await readTeamSpace())!;
  await act(async () => {
    render(<FromTheTeam space={space} reload={() => undefined} />, root);
  });
  return space;
}

const items = () => [...root.querySelectorAll<HTMLLIElement>('.team-from-item')];
const text = () => root.textContent ?? '';
const buttonIn = (element: Element, name: string | RegExp) =>
  [...element.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? ''),
  );
const click = (element: HTMLElement | undefined) =>
  act(async () => {
    element!.click();
  });

const many = (n: number, fields: Partial<SharedItem> = {}) =>
  Array.from({ length: n }, (_, i) =>
    teamItem({
      _id: `shared/bob/r${i}`,
      resourceId: `r${i}`,
      title: `Talk ${i}`,
      sharedAt: NOW - (i + 1) * 60_000,
      ...fields,
    }),
  );

describe('what the team space could not show', () => {
  it('says how many items were left out and why, and shows the others', async () => {
    team.docs = [
      teamItem({ _id: 'shared/bob/ok', resourceId: 'ok', title: 'Small batches win' }),
      teamItem({ _id: 'shared/bob/big', resourceId: 'big', takeaways: Array.from({ length: 500 }, () => 'x') }),
      teamItem({
        _id: 'shared/bob/huge',
        resourceId: 'huge',
        quotes: Array.from({ length: 51 }, () => ({ exact: 'q' })),
      }),
      teamItem({ _id: 'shared/bob/far', resourceId: 'far', clips: [{ atSec: 1e308, note: 'far away' }] }),
    ];
    await show();
    expect(items().map((item) => item.querySelector('h3')?.textContent)).toEqual(['Small batches win']);
    const refused = [...root.querySelectorAll('.team-refused')].map((line) => line.textContent);
    expect(refused).toEqual([
      '2 items from the team could not be shown: too large for the team space. Published by \u2068bob\u2069.',
      '1 item from the team could not be shown: a clip lies outside its video. Published by \u2068bob\u2069.',
    ]);
    expect(text()).not.toContain('e+304');
  });

  it('with rules on the server older than this version, asks for the admin’s update with the command', async () => {
    team.docs = [teamItem()];
    // Version 2 (no reactions) is older than this version's.
    team.rulesVersion = TEAM_RULES_VERSION - 1;
    await show();
    const notice = root.querySelector('.team-rules')!;
    expect(notice.textContent).toContain('Ask your admin to update the team rules');
    expect(notice.querySelector('code')?.textContent).toBe(
      'npm run team:setup -- --server https://couch.example.org --admin <admin>:<password> --team team-learning --members <names>',
    );
    team.rulesVersion = TEAM_RULES_VERSION;
    render(null, root);
    await show();
    expect(root.querySelector('.team-rules')).toBeNull();
  });
});

describe('a page of the team at a time', () => {
  it('draws 20 items, then 20 more on Show more', async () => {
    team.docs = many(45);
    await show();
    expect(items()).toHaveLength(20);
    expect(root.querySelector('.show-more')?.textContent).toContain('Showing 20 of 45');
    await click(buttonIn(root.querySelector('.show-more')!, 'Show 20 more'));
    expect(items()).toHaveLength(40);
    await click(buttonIn(root.querySelector('.show-more')!, 'Show 5 more'));
    expect(items()).toHaveLength(45);
    expect(root.querySelector('.show-more')).toBeNull();
  });

  it('shows the first 3 of an item’s takeaways, quotes and clips, and all on request', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `Takeaway ${i}`);
    team.docs = [
      teamItem({
        takeaways: fifty,
        quotes: [{ exact: 'One' }, { exact: 'Two' }],
        clips: [{ atSec: 3723, note: 'the demo' }],
      }),
    ];
    await show();
    const [item] = items();
    const lists = () => [...item!.querySelectorAll('ul')].map((ul) => [...ul.children].map((li) => li.textContent));
    expect(lists()).toEqual([['Takeaway 0', 'Takeaway 1', 'Takeaway 2'], ['“One”', '“Two”'], ['1:02:03 the demo']]);
    await click(buttonIn(item!, 'Show all 50'));
    expect(lists()[0]).toHaveLength(50);
    await click(buttonIn(item!, 'Show fewer'));
    expect(lists()[0]).toHaveLength(3);
  });
});

describe('what a teammate wrote is drawn with its direction isolated', () => {
  it('a title, a name, a site, takeaways, quotes and clip notes with U+202E stay inside their own element', async () => {
    const spoof = '\u202Eexe.gnp';
    team.docs = [
      teamItem({
        author: 'bob',
        title: `Invoice ${spoof}`,
        site: `site ${spoof}`,
        takeaways: [`takeaway ${spoof}`],
        quotes: [{ exact: `quote ${spoof}` }],
        clips: [{ atSec: 1, note: `clip ${spoof}` }],
      }),
    ];
    await show();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const holders: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes('\u202E')) continue;
      const isolating = node.parentElement?.closest('bdi, [dir="auto"]');
      holders.push(isolating ? 'isolated' : `not isolated: ${node.textContent}`);
    }
    expect(holders).toEqual(['isolated', 'isolated', 'isolated', 'isolated', 'isolated']);
    const byline = items()[0]!.querySelector('p.small')!;
    expect(byline.querySelector('bdi')?.textContent).toBe('bob');
    expect(byline.textContent).toMatch(/^Shared by bob · /);
  });
});

describe('Save to my library', () => {
  it.each([
    [
      'an activity of a type this version does not know',
      { kind: 'activity', url: undefined, activityType: 'juggling', happenedOn: '2026-12-01' },
      'Not saved: this version of Learning Loop does not know the activity’s type.',
    ],
    [
      'an activity on an impossible day',
      { kind: 'activity', url: undefined, activityType: 'workshop', happenedOn: '2026-02-30' },
      'Not saved: the day it happened is not a real day, or has not come yet.',
    ],
    [
      'an activity on a day that has not come yet',
      { kind: 'activity', url: undefined, activityType: 'workshop', happenedOn: '2027-06-01' },
      'Not saved: the day it happened is not a real day, or has not come yet.',
    ],
  ] as const)('on %s says why beside the button, and saves nothing', async (_, fields, why) => {
    const item = teamItem({ ...fields, _id: 'shared/bob/a1', resourceId: 'a1' });
    delete item.url;
    team.docs = [item];
    await show();
    await click(buttonIn(items()[0]!, 'Save to my library'));
    await vi.waitFor(() => expect(items()[0]!.querySelector('[role="alert"]')?.textContent).toBe(why));
    expect(buttonIn(items()[0]!, 'Save to my library')).toBeDefined();
    expect(await (await getDb()).count('resources')).toBe(0);
  });

  it('saves an activity it knows, and says so', async () => {
    const item = teamItem({
      _id: 'shared/bob/a2',
      resourceId: 'a2',
      kind: 'activity',
      activityType: 'workshop',
      happenedOn: '2026-12-01',
      takeaways: ['Pairing helps'],
    });
    delete item.url;
    team.docs = [item];
    await show();
    await click(buttonIn(items()[0]!, 'Save to my library'));
    await vi.waitFor(() => expect(items()[0]!.textContent).toContain('Saved to your library.'));
    const [saved] = await (await getDb()).getAll('resources');
    expect(saved).toMatchObject({ title: 'A talk', activityType: 'workshop', happenedOn: '2026-12-01' });
    expect(saved?.takeaways.map((t) => t.text)).toEqual(['Pairing helps']);
  });
});

describe('publishing over the caps', () => {
  it('sends the first 50 quotes of 120 and says so', async () => {
    await (await getDb()).put(
      'resources',
      resource('r1', {
        sharedAt: NOW - 60_000,
        quotes: Array.from({ length: 120 }, (_, i) => ({ id: `q${i}`, exact: `Quote ${i}`, note: '', createdAt: 1 })),
      }),
    );
    await syncAccount.setValue({
      server: 'https://couch.example.org',
      user: 'alice',
      database: 'userdb-616c696365',
      teamDatabase: 'team-learning',
      connectedAt: Date.UTC(2026, 10, 1),
    });
    await act(async () => {
      render(<TeamPublishLine resourceId="r1" />, root);
    });
    await vi.waitFor(() => expect(buttonIn(root, 'Publish to the team space')).toBeDefined());
    await click(buttonIn(root, 'Publish to the team space'));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        'Published to the team space. First 50 of 120 quotes shared.',
      ),
    );
    const [doc] = team.written as unknown as SharedItem[];
    expect(doc?.quotes).toHaveLength(50);
    expect(doc?.quotes?.[49]?.exact).toBe('Quote 49');
  });
});
