import type { MessageKey } from '../i18n';

import type { ConditionId } from '../model/assessment';

export interface Condition {
  id: ConditionId;
  /** Short name, e.g. "Felt need to change". */
  name: MessageKey;
  /** One sentence the user rates agreement with. */
  statement: MessageKey;
  /** What to talk about with the team when this is the weakest condition. */
  suggestion: MessageKey;
}

export const CONDITIONS: readonly Condition[] = [
  {
    id: 'felt-need',
    name: 'conditionFeltNeed',
    statement: 'conditionFeltNeedStatement',
    suggestion: 'conditionFeltNeedSuggestion',
  },
  {
    id: 'cooperation',
    name: 'conditionCooperation',
    statement: 'conditionCooperationStatement',
    suggestion: 'conditionCooperationSuggestion',
  },
  {
    id: 'recognition',
    name: 'conditionRecognition',
    statement: 'conditionRecognitionStatement',
    suggestion: 'conditionRecognitionSuggestion',
  },
  {
    id: 'careers',
    name: 'conditionCareers',
    statement: 'conditionCareersStatement',
    suggestion: 'conditionCareersSuggestion',
  },
  {
    id: 'feedback',
    name: 'conditionFeedback',
    statement: 'conditionFeedbackStatement',
    suggestion: 'conditionFeedbackSuggestion',
  },
  {
    id: 'new-ideas',
    name: 'conditionNewIdeas',
    statement: 'conditionNewIdeasStatement',
    suggestion: 'conditionNewIdeasSuggestion',
  },
  {
    id: 'bottom-up',
    name: 'conditionBottomUp',
    statement: 'conditionBottomUpStatement',
    suggestion: 'conditionBottomUpSuggestion',
  },
];

export const SCORES = [1, 2, 3, 4, 5] as const;

/** "1 – Not at all" … "5 – Fully": every radio's accessible name says what the number means. */
export const SCORE_LABELS: Record<(typeof SCORES)[number], MessageKey> = {
  1: 'assessmentScore1',
  2: 'assessmentScore2',
  3: 'assessmentScore3',
  4: 'assessmentScore4',
  5: 'assessmentScore5',
};

export function conditionById(id: string): Condition | undefined {
  return CONDITIONS.find((c) => c.id === id);
}
