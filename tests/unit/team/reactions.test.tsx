import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssessmentForm } from '../../../components/assessment/AssessmentForm';
import { TeamNews } from '../../../components/popup/TeamNews';
import { FromTheTeam } from '../../../components/team/TeamSpace';
import { TellTriedOffer } from '../../../components/team/TellTriedOffer';
import { answerFollowUp } from '../../../lib/app/actions';
import { readTeamSpace, type TeamSpace } from '../../../lib/app/team';
import { refreshTeamNews } from '../../../lib/app/team-news';
import { getDb } from '../../../lib/db/open';
import { collectDigest as digestOf, digestText } from '../../../lib/share/digest';
import { EMPTY_SYNC_STATUS, syncAccount, syncStatus, teamNews, teamNewsSeen } from '../../../lib/settings';
import type { TeamReaction } from '../../../lib/team/reactions';
import { NOW, teamItem as item } from './items';

const teamItem = (fields: Parameters<typeof item>[0] = {}) => item(fields) as unknown as Doc;

// Reactions as a member meets them: on the Team page (thanks, I'll try this, a comment, what
// teammates did), in the popup (news of what was done with what they shared), after a
// follow-up (tell the teammate it was tried), and in the digest. The team space's replica is
// stood in for by `team.docs`; what the user writes to it lands there too.

// Documents as the replica holds them: plain JSON objects.
type Doc = { _id: string; type?: unknown } & Record<string, unknown>;
const team = vi.hoisted(() => ({ docs: [] as Doc[], me: 'alice' }));

vi.mock('../../../lib/team/replica', () => ({
  readTeamCredentials: async () => ({
    account: {
      server: 'https://couch.example.org',
      user: team.me,
      database: 'userdb',
      teamDatabase: 'team-learning',
      connectedAt: Date.UTC(2026, 10, 1),
    },
    password: 'pw',
  }),
  syncTeam: async () => undefined,
  readTeamDocs: async () => ({ docs: team.docs, rulesVersion: 3 }),
  writeTeamDoc: async (_credentials: unknown, doc: Doc, deleted = false) => {
    team.docs = team.docs.filter((d) => d._id !== doc._id);
    if (!deleted) team.docs.push(doc);
  },
}));

const ACCOUNT = {
  server: 'https://couch.example.org',
  user: 'alice',
  database: 'userdb',
  teamDatabase: 'team-learning',
  connectedAt: Date.UTC(2026, 10, 1),
};

function reaction(author: string, kind: TeamReaction['kind'], item: string, fields: Partial<TeamReaction> = {}) {
  const tail = item.slice('shared/'.length);
  return {
    _id: `reaction/${author}/${kind}/${tail}${kind === 'comment' ? `/c${author}` : ''}`,
    type: 'reaction',
    author,
    kind,
    item,
    at: NOW - 3_600_000,
    ...(kind === 'comment' ? { text: 'How long did it take?' } : {}),
    ...fields,
  };
}

let root: HTMLElement;
beforeEach(async () => {
  vi.setSystemTime(NOW);
  team.docs = [];
  team.me = 'alice';
  await syncAccount.setValue(ACCOUNT);
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
    render(<FromTheTeam space={space} reload={() => void show()} />, root);
  });
  return space;
}
const text = () => root.textContent ?? '';
const button = (name: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? ''),
  );
const click = (element: HTMLElement | undefined) =>
  act(async () => {
    element!.click();
  });
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the team space reads reactions', () => {
  it('a document of a type this version does not know is skipped, not counted as refused', async () => {
    team.docs = [
      teamItem(),
      { _id: 'kudos/bob/1', type: 'kudos', author: 'bob', stars: 5 },
      // A known type that fails is still refused, and counted.
      reaction('bob', 'thanks', 'shared/bob/r1', { kind: 'like' as never }),
    ];
    const space = await show();
    expect(space.items).toHaveLength(1);
    expect(space.refused).toEqual([{ why: 'unreadable', count: 1, authors: ['bob'] }]);
    expect(text()).toContain('1 item from the team could not be shown');
    expect(text()).not.toContain('kudos');
  });

  it('reactions to an item no longer shared are left out and counted; unpublishing hides them everywhere', async () => {
    const mine = teamItem({ _id: 'shared/alice/r1', author: 'alice', resourceId: 'r1', title: 'My talk' });
    team.docs = [
      mine,
      reaction('bob', 'thanks', 'shared/alice/r1'),
      reaction('chris', 'comment', 'shared/alice/r1', { text: 'Loved the part on retros' }),
      reaction('chris', 'thanks', 'shared/alice/gone'),
    ];
    const space = await show();
    expect(space.orphanReactions).toBe(1);
    expect(text()).toContain('Thanked by bob');
    expect(text()).toContain('Loved the part on retros');
    expect(text()).toContain('1 reaction to an item no longer shared is not shown.');
    team.docs = team.docs.filter((d) => d._id !== mine._id);
    render(null, root);
    const after = await show();
    expect(after.orphanReactions).toBe(3);
    expect(text()).not.toContain('Loved the part on retros');
    expect(text()).not.toContain('Thanked by');
  });
});

describe('reacting to a teammate’s item on the Team page', () => {
  it('Thanks writes a reaction of the user’s own, naming the item; a second click takes it back', async () => {
    team.docs = [teamItem()];
    await show();
    await click(button('Thanks'));
    await vi.waitFor(() => expect(team.docs.find((d) => d.type === 'reaction')).toBeDefined());
    expect(team.docs.find((d) => d.type === 'reaction')).toMatchObject({
      _id: 'reaction/alice/thanks/bob/r1',
      author: 'alice',
      kind: 'thanks',
      item: 'shared/bob/r1',
      at: NOW,
    });
    await vi.waitFor(() => expect(text()).toContain('Thanked by alice'));
    await click(button('Thanked'));
    await vi.waitFor(() => expect(team.docs.some((d) => d.type === 'reaction')).toBe(false));
    await vi.waitFor(() => expect(text()).not.toContain('Thanked by alice'));
  });

  it('I’ll try this saves the item, makes an action whose source names the teammate’s item, and tells them', async () => {
    team.docs = [teamItem({ title: 'Small batches win' })];
    await show();
    await click(button('I\u2019ll try this') ?? button("I'll try this"));
    expect(text()).toContain('bob sees that you are trying it');
    await click(button('Save and make the action'));
    await vi.waitFor(() => expect(text()).toContain('Saved to your library, with an action to follow up on'));
    const db = await getDb();
    const [saved] = await db.getAll('resources');
    const [action] = await db.getAll('actions');
    expect(saved?.title).toBe('Small batches win');
    expect(action).toMatchObject({
      status: 'open',
      source: { kind: 'resource', id: saved!.id, team: { author: 'bob', resourceId: 'r1' } },
    });
    expect(action!.followUpAt).toBeGreaterThan(NOW);
    expect(team.docs.find((d) => d.type === 'reaction')).toMatchObject({ _id: 'reaction/alice/trying/bob/r1' });
    expect(text()).toContain('Saved to your library, with an action to follow up on');
  });

  it('a comment over 1,000 characters is not sent, says why, and keeps what was typed', async () => {
    team.docs = [teamItem()];
    await show();
    const box = root.querySelector<HTMLTextAreaElement>('.team-comment-box textarea')!;
    await act(async () => {
      box.value = 'x'.repeat(1001);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Post'));
    await vi.waitFor(() => expect(root.querySelector('.team-comment-box [role=alert]')).not.toBeNull());
    expect(root.querySelector('.team-comment-box [role=alert]')?.textContent).toContain('up to 1,000 characters');
    expect(box.value).toHaveLength(1001);
    expect(team.docs.some((d) => d.type === 'reaction')).toBe(false);
  });
});

describe('telling the teammate it was tried', () => {
  it('is offered after the follow-up, says everyone sees it, and sends nothing until chosen', async () => {
    team.docs = [teamItem()];
    const db = await getDb();
    await db.put('actions', {
      id: 'a1',
      text: 'Try small batches',
      source: { kind: 'resource', id: 'x', title: 'A talk', team: { author: 'bob', resourceId: 'r1' } },
      status: 'open',
      followUpAt: NOW - 1000,
      createdAt: NOW - 86_400_000,
      updatedAt: NOW - 86_400_000,
    });
    const done = (await answerFollowUp('a1', { result: 'done', outcome: 'Retros got shorter' }))!;
    await act(async () => {
      render(<TellTriedOffer action={done} />, root);
    });
    await settle();
    expect(team.docs.some((d) => d.type === 'reaction')).toBe(false);
    await click(button(/Tell .*bob.* you tried it/));
    expect(text()).toContain('Everyone in the team space will see that you tried it');
    expect(root.querySelector('textarea')?.value).toBe('Retros got shorter');
    expect(team.docs.some((d) => d.type === 'reaction')).toBe(false);
    await click(button('Tell the team'));
    await vi.waitFor(() => expect(team.docs.some((d) => d.type === 'reaction')).toBe(true));
    expect(team.docs.find((d) => d.type === 'reaction')).toMatchObject({
      _id: 'reaction/alice/tried/bob/r1',
      kind: 'tried',
      effect: 'Retros got shorter',
    });
    await vi.waitFor(() => expect(text()).toContain('You told \u2068bob\u2069 you tried it.'));
  });
});

describe('the author is told', () => {
  const mine = teamItem({ _id: 'shared/alice/r1', author: 'alice', resourceId: 'r1', title: 'My talk' });

  it('the pass writes the news; the popup shows who did what once, and Got it marks it seen', async () => {
    team.docs = [
      mine,
      reaction('bob', 'thanks', 'shared/alice/r1', { at: NOW - 3000 }),
      reaction('chris', 'thanks', 'shared/alice/r1', { at: NOW - 2000 }),
      reaction('bob', 'tried', 'shared/alice/r1', { at: NOW - 1000, effect: 'Retros got shorter' }),
      reaction('chris', 'comment', 'shared/alice/r1', { at: NOW - 500, text: 'Which tool?' }),
    ];
    await refreshTeamNews();
    expect(await teamNews.getValue()).toMatchObject({ thanked: 2, tried: 1, comments: 1, latestAt: NOW - 500 });
    await act(async () => {
      render(<TeamNews />, root);
    });
    await settle();
    expect(root.querySelector('.team-news-counts')?.textContent).toBe(
      '2 teammates thanked you, 1 tried what you shared, 1 comment',
    );
    const lines = [...root.querySelectorAll('.team-news-lines li')].map((li) => li.textContent);
    expect(lines).toEqual([
      'chris commented on My talk: Which tool?',
      'bob tried My talk: Retros got shorter',
      'chris thanked you for My talk',
    ]);
    await click(button('Got it'));
    await settle();
    expect(await teamNewsSeen.getValue()).toBe(NOW - 500);
    expect(root.querySelector('.team-news')).toBeNull();
    // The next pass finds nothing new.
    await refreshTeamNews();
    expect(await teamNews.getValue()).toBeNull();
  });

  it('a seen mark from another device (synced) hides news up to it', async () => {
    team.docs = [mine, reaction('bob', 'thanks', 'shared/alice/r1', { at: NOW - 3000 })];
    await refreshTeamNews();
    await teamNewsSeen.setValue(NOW - 3000);
    await act(async () => {
      render(<TeamNews />, root);
    });
    await settle();
    expect(root.querySelector('.team-news')).toBeNull();
  });

  it('a server that refused the team space this pass, or a disconnect, stops the news', async () => {
    team.docs = [mine, reaction('bob', 'thanks', 'shared/alice/r1', { at: NOW - 3000 })];
    await syncStatus.setValue({ ...EMPTY_SYNC_STATUS, teamError: 'not-member' });
    await refreshTeamNews();
    expect(await teamNews.getValue()).toBeNull();
    await syncStatus.setValue(EMPTY_SYNC_STATUS);
    await refreshTeamNews();
    expect(await teamNews.getValue()).toMatchObject({ thanked: 1 });
    await syncAccount.setValue(null);
    await act(async () => {
      render(<TeamNews />, root);
    });
    await settle();
    expect(root.querySelector('.team-news')).toBeNull();
  });

  it('the monthly check shows the team’s month beside conditions 3 and 5, counts only', async () => {
    team.docs = [
      teamItem(),
      reaction('chris', 'tried', 'shared/bob/r1', { effect: 'Worked' }),
      reaction('alice', 'thanks', 'shared/bob/r1'),
    ];
    await act(async () => {
      render(<AssessmentForm />, root);
    });
    await vi.waitFor(() => expect(root.querySelectorAll('.team-month-line')).toHaveLength(2));
    const beside = [...root.querySelectorAll('.team-month-line')].map(
      (line) => line.closest('fieldset')?.querySelector('.condition-number')?.textContent,
    );
    expect(beside).toEqual(['3', '5']);
    expect(root.querySelector('.team-month-line')?.textContent).toBe(
      'This month in the team: 1 item shared, 1 item tried by 1 member, 1 thanks, 0 comments. Your score stays your own.',
    );
    expect(text()).not.toContain('chris');
  });

  it('the digest has a line on what the team tried from what was shared', async () => {
    const none = async () => [];
    const digest = await digestOf(
      { start: NOW - 7 * 86_400_000, end: NOW + 1 },
      {
        changedSince: none,
        sharedBetween: none,
        resources: none,
        actions: none,
        reflection: async () => undefined,
        cardsChangedSince: none,
      },
      { teamTried: [{ title: 'My talk', who: ['bob', 'chris'] }] },
    );
    expect(digestText(digest)).toContain(
      'What the team tried from what we shared: “\u2068My talk\u2069” (\u2068bob\u2069, \u2068chris\u2069)',
    );
  });
});
