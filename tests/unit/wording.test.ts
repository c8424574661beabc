import { describe, expect, it } from 'vitest';
import { localeLanguages, readLocale } from '../../scripts/locales';

// One wording per concept per language: a user who meets "Make an action" on a review card,
// "Turn into an action" beside a takeaway and "Gör till en handling" beside a quote wonders
// whether these are three different things.

/** Every button or link that turns an item into an action (the `…Of` form adds the item's words). */
const TO_ACTION = [
  'libMakeAction',
  'libTakeawayToAction',
  'libQuoteToAction',
  'clipMakeAction',
  'reviewMakeAction',
  'promptTurnIntoAction',
  'teachToAction',
  'weakestToAction',
] as const;

/** Words for a concept that has another, chosen wording in that language. */
const OTHER_WORDINGS: Record<string, { concept: string; avoid: RegExp }[]> = {
  en: [
    { concept: 'turn into an action', avoid: /\bmake an action\b/i },
    { concept: 'the monthly check', avoid: /self-assessment|monthly learning check|learning-environment check/i },
  ],
  sv: [
    { concept: 'åtgärd (an action)', avoid: /\ben handling\b|\bhandlingar(na)?\b/i },
    { concept: 'gör om till en åtgärd', avoid: /\bgör (en|till en) åtgärd\b|\bgör en åtgärd av\b/i },
    { concept: 'månadens bedömning', avoid: /självskattning|månadskoll|lärandebedömning|\bkoll\b/i },
    { concept: 'popup-fönstret', avoid: /\bpopupen\b/i },
  ],
};

describe('one wording per concept', () => {
  it.each(localeLanguages())('%s: turning something into an action reads the same everywhere', (lang) => {
    const messages = readLocale(lang);
    const wordings = new Set(TO_ACTION.map((key) => messages[key]!.message));
    expect([...wordings]).toHaveLength(1);
    const [wording] = wordings;
    expect(messages.libTakeawayToActionOf!.message).toBe(`${wording}: $1`);
  });

  it.each(localeLanguages())('%s: no concept keeps a second wording', (lang) => {
    const found = Object.entries(readLocale(lang)).flatMap(([key, { message }]) =>
      (OTHER_WORDINGS[lang] ?? [])
        .filter(({ avoid }) => avoid.test(message))
        .map(({ concept }) => `${key}: “${message}” (say ${concept})`),
    );
    expect(found).toEqual([]);
  });
});
