import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import {
  describePublish,
  publishToTeam,
  readTeamSpace,
  syncAccount,
  type TeamReaction,
  teamPublishChoice,
  unpublishFromTeam,
} from '@/lib/app/team';
import { t } from '@/lib/i18n';
import { ReactionList } from '@/components/team/TeamReactions';

/** On a shared resource's page with a team space connected: published there or not, changed in one click. */
export function TeamPublishLine({ resourceId }: { resourceId: string }) {
  const account = useStorageItem(syncAccount);
  const choice = useStorageItem(teamPublishChoice);
  const [published, setPublished] = useState<boolean | undefined>(undefined);
  const [note, setNote] = useState('');
  const [reactions, setReactions] = useState<TeamReaction[]>([]);
  useEffect(() => {
    if (!account?.teamDatabase) return;
    void readTeamSpace(false).then((space) => {
      const mine = space?.items.find((item) => item.author === space.me && item.resourceId === resourceId);
      setPublished(mine !== undefined);
      // What teammates did with it; an unpublished item's reactions are not shown (the space leaves them out).
      setReactions(mine && space ? (space.reactions[mine._id] ?? []) : []);
    });
  }, [account?.teamDatabase, resourceId, published]);
  if (!account?.teamDatabase || published === undefined || !choice) return null;
  return (
    <>
      <p class="small team-publish-line">
        {published ? (
          <button
            type="button"
            class="btn btn-small btn-ghost"
            onClick={() =>
              void unpublishFromTeam(resourceId).then(() => {
                setPublished(false);
                setNote(t('teamUnpublished'));
              })
            }
          >
            {t('teamUnpublish')}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn-small"
            onClick={() =>
              void publishToTeam(resourceId, choice.include).then((outcome) => {
                if (!outcome.ok) return;
                setPublished(true);
                setNote(describePublish(outcome));
              })
            }
          >
            {t('teamPublish')}
          </button>
        )}{' '}
        <span class="ok-text" role="status">
          {published && !note ? t('teamPublished') : note}
        </span>
      </p>
      {published && reactions.length > 0 && (
        <>
          <h4 class="res-conn-heading team-came-heading">{t('teamCameHeading')}</h4>
          <ReactionList reactions={reactions} />
        </>
      )}
    </>
  );
}
