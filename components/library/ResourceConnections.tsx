import { lazyComponent } from '@/components/Lazy';
import { useLiveQuery } from '@/components/hooks/live';
import { listActions } from '@/lib/app/actions';
import { reflectionsAbout } from '@/lib/app/reflections';
import { cardsOfResource } from '@/lib/app/review';
import type { Action } from '@/lib/model/action';
import type { Resource } from '@/lib/model/resource';
import type { ReviewCard } from '@/lib/model/review-card';
import { formatDate, t } from '@/lib/i18n';
import { capLine } from '@/lib/infra/limits';
import { endOfLocalDay, itemOf } from '@/lib/model/review-card';
import { answerLabel, describeReviewItem, itemKindLabel } from '@/lib/review/describe';
import { SHARED_HOW_OPTIONS } from '@/lib/format/resource-format';
import { routeHash } from '@/lib/routes';

// Only with a team space connected does it show anything; its code loads on a shared resource's page.
const TeamPublishLine = lazyComponent(
  () => import('@/components/team/TeamPublishLine').then((m) => m.TeamPublishLine),
  'nothing',
);

const EXCERPT = 140;

function actionStatus(action: Action): string {
  if (action.status === 'done') return t('actionStateDone');
  if (action.status === 'dropped') return t('actionStateDropped');
  return action.followUpAt !== undefined ? t('actionFollowUpOn', formatDate(action.followUpAt)) : t('libConnOpen');
}

/** What an action or a card was about: "Takeaway: …", when that item still exists. */
function itemExcerpt(resource: Resource, item: { kind: ReviewCard['itemKind']; id: string } | undefined): string {
  if (!item) return '';
  const found = itemOf(resource, { itemKind: item.kind, itemId: item.id });
  return found ? `${itemKindLabel(item.kind)}: ${capLine(describeReviewItem(found).text, EXCERPT)}` : '';
}

/**
 * Everything that came of a resource, each linked to where it lives: the actions made from it
 * (status and outcome), the reflections about it, when and how it was shared, and its review
 * history (each answer, and when each item comes back).
 */
export function ResourceConnections({ resource }: { resource: Resource }) {
  const id = resource.id;
  const loaded = useLiveQuery(
    async () => {
      const [actions, reflections, cards] = await Promise.all([
        listActions(),
        reflectionsAbout(id),
        cardsOfResource(id),
      ]);
      return {
        actions: actions
          .filter((action) => action.source.kind === 'resource' && action.source.id === id)
          .sort((a, b) => b.createdAt - a.createdAt),
        reflections,
        cards,
      };
    },
    ['actions', 'reflections', 'reviews'],
    [id],
  ).data;
  const shareHow = SHARED_HOW_OPTIONS.find((option) => option.how === resource.sharedHow);
  const history = (loaded?.cards ?? [])
    .flatMap((card) => card.history.map((entry) => ({ ...entry, card })))
    .sort((a, b) => b.at - a.at);
  const upcoming = (loaded?.cards ?? [])
    .filter((card) => card.due !== undefined && itemOf(resource, card))
    .sort((a, b) => (a.due ?? 0) - (b.due ?? 0))[0];

  return (
    <section class="card panel res-connections" aria-labelledby="res-connections-title">
      <h2 id="res-connections-title">{t('libConnTitle')}</h2>

      <h3 class="res-conn-heading">{t('libConnActions')}</h3>
      {loaded && loaded.actions.length === 0 && <p class="small muted">{t('libConnActionsEmpty')}</p>}
      {loaded && loaded.actions.length > 0 && (
        <ul class="res-conn-list">
          {loaded.actions.map((action) => (
            <li key={action.id} class="res-conn-action" data-action-id={action.id}>
              <a href={routeHash('actions', undefined, { action: action.id })}>{capLine(action.text, EXCERPT)}</a>
              <span class={`chip small${action.status === 'done' ? ' chip-accent' : ''}`}>{actionStatus(action)}</span>
              {action.source.item && (
                <span class="small muted res-conn-from">{itemExcerpt(resource, action.source.item)}</span>
              )}
              {action.outcome && (
                <span class="small res-conn-outcome">
                  {t('actionOutcome')} {capLine(action.outcome, EXCERPT)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3 class="res-conn-heading">{t('libConnReflections')}</h3>
      {loaded && loaded.reflections.length === 0 && <p class="small muted">{t('libConnReflectionsEmpty')}</p>}
      {loaded && loaded.reflections.length > 0 && (
        <ul class="res-conn-list">
          {loaded.reflections.map((reflection) => (
            <li key={reflection.id} class="res-conn-reflection">
              <a href={routeHash('journal', undefined, { reflection: reflection.id })}>
                {capLine(reflection.promptText, EXCERPT)}
              </a>
              <span class="small">{capLine(reflection.answer, EXCERPT)}</span>
              <span class="small muted">{formatDate(reflection.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3 class="res-conn-heading">{t('libConnShared')}</h3>
      <p class="small">
        {resource.sharedAt !== undefined ? (
          shareHow ? (
            t('libConnSharedHow', formatDate(resource.sharedAt), t(shareHow.label))
          ) : (
            t('libSharedOn', formatDate(resource.sharedAt))
          )
        ) : (
          <>
            <span class="muted">{t('libConnNotShared')}</span>{' '}
            <a href={routeHash('team')}>{t('libConnTeachForward')}</a>
          </>
        )}
      </p>
      {resource.sharedAt !== undefined && <TeamPublishLine resourceId={resource.id} />}

      <h3 class="res-conn-heading">{t('libConnReview')}</h3>
      {upcoming?.due !== undefined &&
        // The same "due" as the Review section's list, so Review now always finds it there.
        (upcoming.due <= endOfLocalDay(Date.now()) ? (
          <p class="small">
            {t('libConnReviewDue', formatDate(upcoming.due))} <a href={routeHash('review')}>{t('libConnReviewNow')}</a>
          </p>
        ) : (
          <p class="small muted">{t('libConnNextReview', formatDate(upcoming.due))}</p>
        ))}
      {loaded && history.length === 0 && <p class="small muted">{t('libConnReviewEmpty')}</p>}
      {history.length > 0 && (
        <ul class="res-conn-list">
          {history.slice(0, 20).map((entry) => (
            <li key={`${entry.card.id}:${entry.at}`} class="res-conn-review">
              <span class={`chip small${entry.answer === 'applied' ? ' chip-accent' : ''}`}>
                {answerLabel(entry.answer)}
              </span>
              <span class="small" dir="auto">
                {itemExcerpt(resource, { kind: entry.card.itemKind, id: entry.card.itemId }) ||
                  itemKindLabel(entry.card.itemKind)}
              </span>
              <span class="small muted">{formatDate(entry.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
