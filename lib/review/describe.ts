import { formatClipTime } from '../infra/video-time';
import type { ItemKind } from '../model/resource';
import type { ReviewAnswer } from '../model/review-card';
import { type MessageKey, t } from '../i18n';
import type { itemOf } from '../model/review-card';
import { formatQuoteLocation } from '../quotes/location';

/** What each answer and each kind of item is called, in the chosen language. */
export const ANSWER_LABEL: Record<ReviewAnswer, MessageKey> = {
  applied: 'reviewApplied',
  useful: 'reviewUseful',
  action: 'reviewMakeAction',
  retire: 'reviewRetire',
};

export const ITEM_KIND_LABEL: Record<ItemKind, MessageKey> = {
  takeaway: 'reviewKindTakeaway',
  quote: 'reviewKindQuote',
  clip: 'reviewKindClip',
};

export function answerLabel(answer: ReviewAnswer): string {
  return t(ANSWER_LABEL[answer]);
}

export function itemKindLabel(kind: ItemKind): string {
  return t(ITEM_KIND_LABEL[kind]);
}

/** An item as a card shows it: the main text, and what places it (a clip's moment, a quote's page and note). */
export function describeReviewItem(found: NonNullable<ReturnType<typeof itemOf>>): { text: string; detail?: string } {
  if (found.kind === 'takeaway') return { text: found.item.text };
  if (found.kind === 'quote') {
    // Where it stands in the book comes first: "p. 12 · Try in the retro".
    const detail = [formatQuoteLocation(found.item.location), found.item.note].filter(Boolean).join(' · ');
    return { text: `“${found.item.exact}”`, ...(detail ? { detail } : {}) };
  }
  const clip = found.item;
  const place = [formatClipTime(clip), clip.chapter].filter(Boolean).join(' · ');
  return clip.note ? { text: clip.note, detail: place } : { text: place };
}
