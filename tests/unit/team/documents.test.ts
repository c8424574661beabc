import { describe, expect, it } from 'vitest';
import { checkTeamDoc, sharedItemOf, teamSummary, type SharedCheck } from '../../../lib/team/documents';
import { resource } from '../sync/devices';

const check = (author: string, scores: Record<string, number>, checkedAt = Date.UTC(2026, 10, 1)): SharedCheck => ({
  _id: `check/${author}`,
  type: 'check',
  author,
  checkedAt,
  scores,
});

describe('the team copy of a resource', () => {
  it('carries what the sharer chose and nothing private', () => {
    const r = resource('r1', {
      notes: 'private thoughts',
      withWhom: 'Kim',
      sharedAt: Date.UTC(2026, 11, 1),
      sharedHow: 'meeting',
      takeaways: [{ id: 't', text: 'Ship smaller', createdAt: 1 }],
      quotes: [{ id: 'q', exact: 'Small batches', note: '', createdAt: 1 }],
      clips: [],
    });
    const item = sharedItemOf(r, 'alice', { takeaways: true, quotes: false, clips: true }, Date.UTC(2026, 11, 2));
    expect(item).toMatchObject({
      _id: 'shared/alice/r1',
      author: 'alice',
      title: 'Post r1',
      sharedHow: 'meeting',
      takeaways: ['Ship smaller'],
    });
    expect(JSON.stringify(item)).not.toContain('private thoughts');
    expect(JSON.stringify(item)).not.toContain('Kim');
    expect(item.quotes).toBeUndefined();
    expect(checkTeamDoc(item)).toEqual(item);
  });

  it.each([
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['an unknown field', { notes: 'x' }],
    ['an id that names someone else', { _id: 'shared/bob/r1' }],
    ['a 5,000-character title', { title: 'x'.repeat(5000) }],
    ['a wrong type', { sharedAt: 'yesterday' }],
  ])('a team document with %s is left out', (_label, change) => {
    const item = sharedItemOf(
      resource('r1', { sharedAt: Date.UTC(2026, 11, 1) }),
      'alice',
      { takeaways: true, quotes: true, clips: true },
      Date.UTC(2026, 11, 2),
    );
    expect(checkTeamDoc({ ...item, ...change })).toBeNull();
  });
});

describe('the team learning environment', () => {
  it('shows nothing until three members shared, then the median and spread per condition and the weakest', () => {
    const two = [check('a', { 'felt-need': 2 }), check('b', { 'felt-need': 4 })];
    expect(teamSummary(two)).toEqual({ conditions: [], weakest: [], members: 2 });
    const three = [
      ...two,
      check('c', { 'felt-need': 3, feedback: 5 }),
      check('a', { 'felt-need': 1, feedback: 4 }, Date.UTC(2026, 11, 1)),
      check('b', { 'felt-need': 4, feedback: 2 }, Date.UTC(2026, 11, 1)),
    ];
    const summary = teamSummary(three);
    expect(summary.members).toBe(3);
    expect(summary.conditions).toEqual([
      { conditionId: 'felt-need', median: 3, min: 1, max: 4, count: 3 },
      { conditionId: 'feedback', median: 4, min: 2, max: 5, count: 3 },
    ]);
    expect(summary.weakest).toEqual(['felt-need']);
  });

  it('names every condition tied at the lowest median, the wider spread first, none picked silently', () => {
    const checks = [
      check('a', { 'felt-need': 2, feedback: 1, careers: 4 }),
      check('b', { 'felt-need': 2, feedback: 2, careers: 4 }),
      check('c', { 'felt-need': 2, feedback: 3, careers: 5 }),
    ];
    // Both at median 2; feedback spreads 1–3, felt-need not at all.
    expect(teamSummary(checks).weakest).toEqual(['feedback', 'felt-need']);
  });
});
