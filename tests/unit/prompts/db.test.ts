import { describe, expect, it } from 'vitest';
import {
  addCustomPrompt,
  deleteCustomPrompt,
  listCustomPrompts,
  restoreCustomPrompt,
  updateCustomPrompt,
} from '../../../lib/db/prompts';
import {
  addReflection,
  deleteReflection,
  listReflections,
  reflectionsSince,
  restoreReflection,
  updateReflectionAnswer,
} from '../../../lib/db/reflections';
import { LIMITS } from '../../../lib/infra/limits';

describe('reflections store', () => {
  it('stores answers, lists newest first, edits, deletes and restores', async () => {
    const a = await addReflection(
      { promptId: 'followUpWentWell', promptText: 'What went well?', answer: 'Pairing' },
      1_000,
    );
    const b = await addReflection(
      {
        promptId: 'resourceApply',
        promptText: 'What from “Drive”?',
        answer: 'Autonomy',
        resourceId: 'r1',
        resourceTitle: 'Drive',
      },
      2_000,
    );
    expect((await listReflections()).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await reflectionsSince(1_500)).map((r) => r.id)).toEqual([b.id]);
    expect(b).toMatchObject({ resourceId: 'r1', resourceTitle: 'Drive', createdAt: 2_000, updatedAt: 2_000 });

    const edited = await updateReflectionAnswer(a.id, 'Pairing, and a short stand-up', 3_000);
    expect(edited).toMatchObject({ answer: 'Pairing, and a short stand-up', updatedAt: 3_000, createdAt: 1_000 });

    const removed = await deleteReflection(a.id);
    expect((await listReflections()).map((r) => r.id)).toEqual([b.id]);
    await restoreReflection(removed!);
    expect((await listReflections()).map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('caps what was typed', async () => {
    const r = await addReflection(
      { promptId: 'x', promptText: 'p'.repeat(2_000), answer: 'a'.repeat(LIMITS.answer + 50) },
      1,
    );
    expect(r.answer.length).toBeLessThanOrEqual(LIMITS.answer);
    expect(r.promptText.length).toBeLessThanOrEqual(LIMITS.promptText);
  });
});

describe('custom prompts store', () => {
  it('adds, edits, disables, deletes and restores', async () => {
    const p = await addCustomPrompt('  What did our customers   praise?  ', 'customers', 10);
    expect(p).toMatchObject({ text: 'What did our customers praise?', group: 'customers', enabled: true });
    await updateCustomPrompt(p.id, { text: 'What did customers praise this week?', enabled: false }, 20);
    expect(await listCustomPrompts()).toMatchObject([
      { id: p.id, text: 'What did customers praise this week?', enabled: false, updatedAt: 20 },
    ]);
    const removed = await deleteCustomPrompt(p.id);
    expect(await listCustomPrompts()).toEqual([]);
    await restoreCustomPrompt(removed!);
    expect(await listCustomPrompts()).toHaveLength(1);
  });

  it('refuses an empty prompt', async () => {
    await expect(addCustomPrompt('   ', 'own')).rejects.toThrow();
  });
});
