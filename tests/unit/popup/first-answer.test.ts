import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterSaveAnswered, holdUntilAnswered, resetFirstAnswer } from '../../../lib/pages/first-answer';

/** Whether `promise` has settled once every queued microtask has run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return settled;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the popup’s first question (is this page saved?) goes first', () => {
  afterEach(() => {
    resetFirstAnswer();
    vi.useRealTimers();
  });

  it('holds nothing back where no page is being looked up', async () => {
    expect(await settledYet(afterSaveAnswered())).toBe(true);
  });

  it('holds the rest back until the answer, whatever it is', async () => {
    const answer = deferred<{ id: string } | undefined>();
    holdUntilAnswered(answer.promise);
    const waiting = afterSaveAnswered();
    expect(await settledYet(waiting)).toBe(false);
    answer.resolve(undefined);
    expect(await settledYet(waiting)).toBe(true);
  });

  it('a lookup that fails holds nothing back', async () => {
    const answer = deferred<undefined>();
    holdUntilAnswered(answer.promise);
    answer.reject(new DOMException('gone', 'UnknownError'));
    expect(await settledYet(afterSaveAnswered())).toBe(true);
  });

  it('a tab that never answers holds the rest back 250 ms at most', async () => {
    vi.useFakeTimers();
    holdUntilAnswered(new Promise(() => {}));
    const waiting = afterSaveAnswered();
    await vi.advanceTimersByTimeAsync(249);
    expect(await settledYet(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledYet(waiting)).toBe(true);
  });
});
