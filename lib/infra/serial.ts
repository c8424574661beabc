let busy = 0;

/**
 * Runs tasks one at a time, in the order they were queued: an alarm, a message and a storage
 * event can arrive together, and each read-modify-write must see the one before it. A failed
 * task does not stop the ones after it.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    busy++;
    const run = tail.then(task, task).finally(() => busy--);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** How many queued tasks have not finished, over every queue: tests wait for 0 after an event. */
export function queuedTasks(): number {
  return busy;
}
