import { describe, expect, it } from 'vitest';
import {
  answerFollowUp,
  applyActionPatch,
  createAction,
  deleteAction,
  getAction,
  listActions,
  listDueFollowUps,
  listOpenFollowUps,
  restoreAction,
  updateAction,
} from '../../../lib/db/actions';
import type { Action } from '../../../lib/model/action';

/** Follow-up dates are record times (1990 to a few years ahead): offsets from here. */
const T = Date.UTC(2026, 0, 1);

describe('createAction', () => {
  it('stores an open action with its source and follow-up date', async () => {
    const action = await createAction(
      {
        text: '  Ask a customer how they see our releases  ',
        source: { kind: 'reflection', id: 'r1', title: 'We shipped   late' },
        followUpAt: T + 5000,
      },
      1000,
    );
    expect(action).toMatchObject({
      text: 'Ask a customer how they see our releases',
      status: 'open',
      followUpAt: T + 5000,
      createdAt: 1000,
      updatedAt: 1000,
      source: { kind: 'reflection', id: 'r1', title: 'We shipped late' },
    });
    expect(await getAction(action.id)).toEqual(action);
  });

  it('refuses an empty text and writes nothing', async () => {
    await expect(createAction({ text: '   ' })).rejects.toThrow();
    expect(await listActions()).toEqual([]);
  });

  it('an action on its own has source kind none and no follow-up', async () => {
    const action = await createAction({ text: 'Pair with QA' }, 1);
    expect(action.source).toEqual({ kind: 'none' });
    expect(action.followUpAt).toBeUndefined();
  });

  it('caps the text', async () => {
    const action = await createAction({ text: 'x'.repeat(5000) });
    expect(action.text.length).toBeLessThanOrEqual(2000);
  });
});

describe('follow-up queries', () => {
  it('lists due open follow-ups earliest first, and open follow-ups through the index', async () => {
    const late = await createAction({ text: 'late', followUpAt: T + 300 }, 1);
    const early = await createAction({ text: 'early', followUpAt: T + 100 }, 2);
    const future = await createAction({ text: 'future', followUpAt: T + 900 }, 3);
    await createAction({ text: 'no date' }, 4);
    const closed = await createAction({ text: 'closed', followUpAt: T + 50 }, 5);
    await updateAction(closed.id, { status: 'done' }, 6);
    expect((await listDueFollowUps(T + 500)).map((a) => a.text)).toEqual(['early', 'late']);
    expect((await listOpenFollowUps()).map((a) => a.id)).toEqual([early.id, late.id, future.id]);
  });
});

describe('answerFollowUp', () => {
  it('done keeps the outcome and the time it was done', async () => {
    const action = await createAction({ text: 'Run a retro', followUpAt: T + 100 }, 1);
    const done = await answerFollowUp(action.id, { result: 'done', outcome: ' We found two blockers. ' }, 200);
    expect(done).toMatchObject({ status: 'done', outcome: 'We found two blockers.', doneAt: 200, updatedAt: 200 });
  });

  it('dropped closes it too', async () => {
    const action = await createAction({ text: 'x', followUpAt: T + 100 }, 1);
    expect(await answerFollowUp(action.id, { result: 'dropped', outcome: '' }, 200)).toMatchObject({
      status: 'dropped',
      doneAt: 200,
    });
  });

  it('later keeps it open with a new date', async () => {
    const action = await createAction({ text: 'x', followUpAt: T + 100 }, 1);
    const later = await answerFollowUp(action.id, { result: 'later', outcome: 'Started', followUpAt: T + 9000 }, 200);
    expect(later).toMatchObject({ status: 'open', followUpAt: T + 9000, outcome: 'Started' });
    expect(later!.doneAt).toBeUndefined();
  });
});

describe('applyActionPatch', () => {
  const base: Action = {
    id: 'a',
    text: 't',
    source: { kind: 'none' },
    status: 'done',
    doneAt: 5,
    createdAt: 1,
    updatedAt: 10,
    followUpAt: T + 3,
  };
  it('reopening clears doneAt; null removes the follow-up; updatedAt always moves forward', () => {
    const next = applyActionPatch(base, { status: 'open', followUpAt: null }, 4);
    expect(next.doneAt).toBeUndefined();
    expect(next.followUpAt).toBeUndefined();
    expect(next.updatedAt).toBe(11);
  });
});

describe('delete and restore', () => {
  it('deletes and puts it back exactly', async () => {
    const action = await createAction({ text: 'x' }, 1);
    const removed = await deleteAction(action.id);
    expect(await listActions()).toEqual([]);
    await restoreAction(removed!);
    expect(await getAction(action.id)).toEqual(action);
  });
});
