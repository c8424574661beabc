import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { TeamEnvironment } from '../../../components/team/TeamSpace';
import type { TeamSpace } from '../../../lib/app/team';
import { type SharedCheck, teamSummary } from '../../../lib/team/documents';

// "A tie in the learning-environment check silently picks one condition": the team's view too.

const check = (author: string, scores: Record<string, number>): SharedCheck => ({
  _id: `check/${author}`,
  type: 'check',
  author,
  checkedAt: Date.UTC(2026, 10, 1),
  scores,
});

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

it('the Team page names every condition tied at the lowest median and marks each row', async () => {
  const checks = [
    check('a', { 'felt-need': 2, feedback: 1, careers: 4 }),
    check('b', { 'felt-need': 2, feedback: 2, careers: 4 }),
    check('c', { 'felt-need': 2, feedback: 3, careers: 5 }),
  ];
  const space: TeamSpace = {
    me: 'a',
    items: [],
    checks,
    summary: teamSummary(checks),
    reactions: {},
    orphanReactions: 0,
    refused: [],
    setupCommand: null,
  };
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<TeamEnvironment space={space} reload={() => undefined} />, root!);
  });
  const topic = root.querySelector('strong')!.textContent!;
  expect(topic).toContain('Encouragement, follow-up and feedback');
  expect(topic).toContain('Felt need to change');
  expect(root.textContent).toContain('2 conditions share the lowest median');
  expect([...root.querySelectorAll('tr.team-env-weakest th')].map((th) => th.textContent)).toHaveLength(2);
});
