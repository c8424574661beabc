import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import {
  describePublish,
  publishToTeam,
  readTeamSpace,
  syncAccount,
  teamPublishChoice,
  unpublishFromTeam,
} from '@/lib/app/team';
import { t } from '@/lib/i18n';

/** On a shared resource's page with a team space connected: published there or not, changed in one click. */
export function TeamPublishLine({ resourceId }: { resourceId: string }) {
  const account = useStorageItem(syncAccount);
  const choice = useStorageItem(teamPublishChoice);
  const [published, setPublished] = useState<boolean | undefined>(undefined);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!account?.teamDatabase) return;
    void readTeamSpace(false).then((space) =>
      setPublished(space?.items.some((item) => item.author === space.me && item.resourceId === resourceId) ?? false),
    );
  }, [account?.teamDatabase, resourceId]);
  if (!account?.teamDatabase || published === undefined || !choice) return null;
  return (
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
  );
}
