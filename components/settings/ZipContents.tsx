import type { ArchiveSummary } from '@/lib/backup/zip';
import { t, tn } from '@/lib/i18n';

/** A zip may hold up to 1,000 files: the preview names this many of each list, then counts the rest. */
const SHOWN_FILES = 20;

/** What a chosen zip held: the files read for this import, and those left out with the reason. */
export function ZipContents({ archive }: { archive: ArchiveSummary }) {
  const files = archive.files.slice(0, SHOWN_FILES);
  const moreFiles = archive.files.length - files.length;
  const skipped = archive.skipped.slice(0, SHOWN_FILES);
  const moreSkipped = archive.skipped.length - skipped.length;
  return (
    <div class="zip-contents small">
      {files.length > 0 && (
        <p>
          {`${t('zipContentsRead')} `}
          {files.map((name, i) => (
            <span key={`${i}-${name}`}>
              {i > 0 && ', '}
              <bdi>{name}</bdi>
            </span>
          ))}
          {moreFiles > 0 && ` ${tn('zipContentsMore', moreFiles)}`}
        </p>
      )}
      {skipped.length > 0 && (
        <>
          <p>{t('zipContentsSkipped')}</p>
          <ul class="zip-skipped">
            {skipped.map((skip, i) => (
              <li key={`${i}-${skip.name}`}>
                <bdi>{skip.name}</bdi>: {skip.reason}
              </li>
            ))}
          </ul>
          {moreSkipped > 0 && <p>{tn('zipContentsMore', moreSkipped)}</p>}
        </>
      )}
    </div>
  );
}
