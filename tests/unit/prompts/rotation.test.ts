import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_GROUPS,
  BUILT_IN_PROMPTS,
  builtInCandidates,
  customCandidates,
  promptKey,
  resourceCandidates,
  type PromptCandidate,
} from '../../../lib/prompts/catalogue';
import { pickPrompt, type PromptUse } from '../../../lib/prompts/rotation';
import type { CustomPrompt } from '../../../lib/model/prompt';
import type { Resource } from '../../../lib/model/resource';

const DAY = 86_400_000;
const NOW = new Date('2026-03-10T15:00:00Z').getTime();
const all = builtInCandidates([]);
const first = () => 0;

function use(promptId: string, daysAgo: number, extra: Partial<PromptUse> = {}): PromptUse {
  const group = BUILT_IN_PROMPTS.find((p) => p.id === promptId)?.group ?? 'own';
  return { promptId, group, at: NOW - daysAgo * DAY, ...extra };
}

function resource(patch: Partial<Resource>): Resource {
  return {
    id: 'r1',
    url: 'https://example.com/a',
    canonicalUrl: 'https://example.com/a',
    kind: 'article',
    title: 'Team Topologies',
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'queued',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...patch,
  };
}

describe('pickPrompt', () => {
  it('has nothing to ask when every prompt is off', () => {
    expect(pickPrompt([], [], NOW)).toBeNull();
  });

  it('never asks a prompt answered in the last two weeks while others are left', () => {
    const history = all.slice(0, all.length - 1).map((c, i) => use(c.promptId, (i % 13) + 0.5));
    for (let i = 0; i < 20; i++) {
      expect(pickPrompt(all, history, NOW, { random: () => i / 20 })?.promptId).toBe(all[all.length - 1]!.promptId);
    }
  });

  it('when every prompt was used recently, asks the one used longest ago', () => {
    const history = all.map((c, i) => use(c.promptId, i % 10));
    const oldest = all.filter((_, i) => i % 10 === 9).map((c) => c.promptId);
    expect(oldest).toContain(pickPrompt(all, history, NOW, { random: first })!.promptId);
  });

  it('moves away from the groups of the last three prompts', () => {
    const history = [use('followUpWentWell', 1), use('collaborationTeam', 2), use('transferTell', 3)];
    for (let i = 0; i < 50; i++) {
      const picked = pickPrompt(all, history, NOW, { random: () => i / 50 })!;
      expect(['followUp', 'collaboration', 'transfer']).not.toContain(picked.group);
    }
  });

  it('gives each group the same chance however many prompts it has', () => {
    const candidates: PromptCandidate[] = [
      ...Array.from({ length: 20 }, (_, i) => ({
        promptId: `many${i}`,
        group: 'own' as const,
        kind: 'custom' as const,
        text: `q${i}`,
      })),
      { promptId: 'lonely', group: 'doing', kind: 'builtIn' },
    ];
    // random() < 0.5 picks the first group in order, ≥ 0.5 the second.
    const groups = new Set(
      [0.1, 0.4, 0.6, 0.9].map((r) => pickPrompt(candidates, [], NOW, { random: () => r })!.group),
    );
    expect(groups).toEqual(new Set(['own', 'doing']));
  });

  it('mixes groups over a run of prompts: no group twice within four prompts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (dice) => {
          const history: PromptUse[] = [];
          let step = 0;
          for (const die of dice) {
            const at = NOW + step++ * DAY;
            const picked = pickPrompt(all, history, at, { random: () => die })!;
            const recent = history.slice(-3).map((h) => h.group);
            expect(recent).not.toContain(picked.group);
            expect(history.filter((h) => now(h) > at - 14 * DAY).map(promptKey)).not.toContain(promptKey(picked));
            history.push({ promptId: picked.promptId, group: picked.group, at });
          }
        },
      ),
      { numRuns: 60 },
    );
    function now(h: PromptUse) {
      return h.at;
    }
  });

  it('treats a resource prompt about another resource as a different prompt', () => {
    const candidates = resourceCandidates(
      [
        resource({ id: 'a', status: 'learned', learnedAt: NOW - DAY }),
        resource({ id: 'b', status: 'learned', learnedAt: NOW - 2 * DAY }),
      ],
      NOW,
    ).filter((c) => c.promptId === 'resourceApply');
    const picked = pickPrompt(
      candidates,
      [{ promptId: 'resourceApply', resourceId: 'a', group: 'resources', at: NOW - DAY }],
      NOW,
      { random: first },
    );
    expect(picked?.resourceId).toBe('b');
  });
});

describe('catalogue', () => {
  it('has prompts from all nine activities', () => {
    expect(new Set(BUILT_IN_PROMPTS.map((p) => p.group))).toEqual(new Set(ACTIVITY_GROUPS));
    expect(ACTIVITY_GROUPS).toHaveLength(9);
  });

  it('leaves out built-in prompts the user turned off', () => {
    const ids = builtInCandidates(['followUpWentWell', 'transferTell']).map((c) => c.promptId);
    expect(ids).not.toContain('followUpWentWell');
    expect(ids).toHaveLength(BUILT_IN_PROMPTS.length - 2);
  });

  it("offers the user's enabled prompts with their text", () => {
    const prompts: CustomPrompt[] = [
      { id: 'c1', text: 'What did the retro change?', group: 'followUp', enabled: true, createdAt: 1, updatedAt: 1 },
      { id: 'c2', text: 'Off for now', group: 'own', enabled: false, createdAt: 2, updatedAt: 2 },
      { id: 'c3', text: 'Odd group', group: 'nonsense', enabled: true, createdAt: 3, updatedAt: 3 },
    ];
    expect(customCandidates(prompts)).toEqual([
      { promptId: 'c1', group: 'followUp', kind: 'custom', text: 'What did the retro change?' },
      { promptId: 'c3', group: 'own', kind: 'custom', text: 'Odd group' },
    ]);
  });

  it('asks about resources learned recently, or saved days ago and still queued', () => {
    const list = [
      resource({ id: 'learned', title: 'Accelerate', status: 'learned', learnedAt: NOW - 2 * DAY }),
      resource({ id: 'learned-long-ago', status: 'learned', learnedAt: NOW - 40 * DAY }),
      resource({ id: 'queued-old', title: 'The Fifth Discipline', status: 'queued', createdAt: NOW - 5 * DAY }),
      resource({ id: 'queued-new', status: 'queued', createdAt: NOW - DAY }),
      resource({ id: 'learning', status: 'learning', createdAt: NOW - 9 * DAY }),
    ];
    const out = resourceCandidates(list, NOW);
    expect(out.map((c) => `${c.promptId}:${c.resourceId}`)).toEqual([
      'resourceApply:learned',
      'resourceTeach:learned',
      'resourceQueued:queued-old',
    ]);
    expect(out[2]).toMatchObject({ resourceTitle: 'The Fifth Discipline', days: 5, group: 'resources' });
  });
});
