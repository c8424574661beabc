import type { CapturedPage } from '../model/captured-page';
import * as store from '../db/resources';
import type { Quote } from '../model/quote';
import type { Resource } from '../model/resource';
import { newId } from '../infra/ids';
import { cleanQuoteLocation, hasQuote, type SelectedQuote } from '../model/quote';
import { sameTypedQuote, typedQuote, type QuoteDraft, type QuoteDraftProblem } from '../quotes/typed';
import { announceResources as announce } from './commit';
import { deleteWithUndo, type UndoOffer } from './undo';

/**
 * Quotes: keeping one (the page saved first when new), its note, its removal with Undo. Its own
 * module, so the popup loads it when a quote is kept rather than in its first render.
 */

export interface KeptQuote {
  resource: Resource;
  quote: Quote;
  /** The page was saved by this quote (it was not in the library yet). */
  created: boolean;
  /** The same passage was kept before: nothing was added. */
  already: boolean;
}

/**
 * Keep a passage of a page: the page is saved first when it is new (with everything capture
 * read), and the quote is added inside the write transaction, so a quote kept in another tab
 * meanwhile stays. The same passage kept twice is one quote.
 */
export async function keepQuote(
  page: CapturedPage,
  selection: SelectedQuote,
  { note = '', extras = {} }: { note?: string; extras?: store.SaveExtras } = {},
  now = Date.now(),
): Promise<KeptQuote> {
  const { resource: saved, created } = await store.saveResource(page, extras, now);
  let quote: Quote = { id: newId(), ...selection, note, createdAt: now };
  let already = false;
  const [updated] = await store.updateResources(
    [saved.id],
    (resource) => {
      const kept = hasQuote(resource.quotes, selection);
      already = kept !== undefined;
      if (kept) {
        quote = kept;
        return {};
      }
      return { quotes: [...(resource.quotes ?? []), quote] };
    },
    now,
  );
  const resource = updated ?? saved;
  void announce([resource]);
  return { resource, quote: resource.quotes?.find((q) => q.id === quote.id) ?? quote, created, already };
}

/** What typing a quote came to: the quote kept, or why not (the form keeps what was typed). */
export type TypedQuoteResult =
  | { resource: Resource; quote: Quote; problem?: undefined }
  | { resource?: undefined; quote?: undefined; problem: QuoteDraftProblem | 'gone' };

/**
 * A quote typed on a book, an activity or any resource, with its page or location. It is added
 * inside the write transaction to the quotes stored at that moment, so a quote another window
 * or a sync added meanwhile stays, and its review card is written with it. The same words at the
 * same place typed twice are one quote.
 */
export async function typeQuote(resourceId: string, draft: QuoteDraft, now = Date.now()): Promise<TypedQuoteResult> {
  const typed = typedQuote(draft, newId(), now);
  if (!typed.quote) return { problem: typed.problem };
  const quote = typed.quote;
  let already = false;
  const [updated] = await store.updateResources(
    [resourceId],
    (resource) => {
      already = (resource.quotes ?? []).some((q) => !q.fragment && sameTypedQuote(q, quote));
      return already ? {} : { quotes: [...(resource.quotes ?? []), quote] };
    },
    now,
  );
  if (!updated) return { problem: 'gone' };
  if (already) return { problem: 'already' };
  void announce([updated]);
  const stored = updated.quotes?.find((q) => q.id === quote.id);
  // Past the list's cap (LIMITS.quotes) the quote was not kept: say so rather than pretend.
  return stored ? { resource: updated, quote: stored } : { problem: 'too-many' };
}

/** A quote put back (Undo) or added to a resource that exists. */
export async function addQuote(id: string, quote: Quote, now = Date.now()): Promise<Resource | undefined> {
  const [updated] = await store.updateResources(
    [id],
    (resource) =>
      resource.quotes?.some((q) => q.id === quote.id) ? {} : { quotes: [...(resource.quotes ?? []), quote] },
    now,
  );
  void announce(updated ? [updated] : []);
  return updated;
}

/** A quote's note rewritten (the quote found by id inside the write). */
export async function editQuoteNote(
  id: string,
  quoteId: string,
  note: string,
  now = Date.now(),
): Promise<Resource | undefined> {
  const [updated] = await store.updateResources(
    [id],
    (resource) => ({ quotes: (resource.quotes ?? []).map((q) => (q.id === quoteId ? { ...q, note } : q)) }),
    now,
  );
  void announce(updated ? [updated] : []);
  return updated;
}

/**
 * A quote's page and location rewritten, as typed (the quote found by id inside the write, so
 * another writer's note on it stays); a part left empty is removed.
 */
export async function editQuoteLocation(
  id: string,
  quoteId: string,
  typed: { page: string; loc: string },
  now = Date.now(),
): Promise<Resource | undefined> {
  const location = cleanQuoteLocation(typed);
  const [updated] = await store.updateResources(
    [id],
    (resource) => ({
      quotes: (resource.quotes ?? []).map((q) => {
        if (q.id !== quoteId) return q;
        const { location: _before, ...rest } = q;
        return location ? { ...rest, location } : rest;
      }),
    }),
    now,
  );
  void announce(updated ? [updated] : []);
  return updated;
}

/** A quote removed; Undo puts it back. */
export function removeQuote(id: string, quoteId: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'quote',
      remove: async () => {
        let removed: Quote | undefined;
        const [updated] = await store.updateResources(
          [id],
          (resource) => {
            removed = resource.quotes?.find((q) => q.id === quoteId);
            return { quotes: (resource.quotes ?? []).filter((q) => q.id !== quoteId) };
          },
          now,
        );
        void announce(updated ? [updated] : []);
        return removed;
      },
      restore: (quote) => addQuote(id, quote),
      label: (quote) => quote.exact,
    },
    now,
  );
}
