/**
 * The popup's first question is whether its page is saved: Save waits for the answer. The rest of
 * the popup's first work (the database layer, the live recent list, the cards for what is due,
 * reading the page in its tab, the language and thumbnail settings) shares the page's thread, the
 * browser's replies and the database's queue with that question, so it starts once the question
 * is answered. Timed over 8 opens: the lookup's read took 3–25 ms with the rest beside it and
 * 1–4 ms without, and Save was usable about 10 ms sooner (median). Holding back the page's read
 * and the two settings too, with the popup's sheet inline, made Save usable 8–11% sooner again
 * and the list 6–8% (three runs of 31 opens each, side by side with the build before).
 */
let answered: Promise<void> | null = null;

/** What is waited for: the answer, or `capMs` at most, so nothing waits on a tab that never answers. */
export function holdUntilAnswered(answer: Promise<unknown>, capMs = 250): void {
  const settled = answer.then(
    () => undefined,
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capped = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, capMs);
  });
  answered = Promise.race([settled, capped]).finally(() => clearTimeout(timer));
}

/** Resolves once Save knows whether its page is saved; at once where no page is being looked up. */
export function afterSaveAnswered(): Promise<void> {
  return answered ?? Promise.resolve();
}

/** Tests only: forget the last popup's question. */
export function resetFirstAnswer(): void {
  answered = null;
}
