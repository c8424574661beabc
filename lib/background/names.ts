/**
 * The names the background's events carry (alarms, notifications, menu items, commands), apart
 * from the features that handle them: the service worker's entry routes each event by its name
 * and loads only the feature it names (lib/background/index.ts).
 */
export const MENU_SAVE_PAGE = 'save-page';
export const MENU_SAVE_LINK = 'save-link';
export const COMMAND_SAVE_PAGE = 'save-page';

export const COMMAND_CLIP = 'clip-moment';
export const MENU_CLIP = 'clip-moment';
export const CLIP_CONFIRMED_ALARM = 'clip-confirmed';
/** Watch pages (YouTube answers a right-click on the player itself with its own menu). */
export const CLIP_MENU_PATTERNS = [
  'https://www.youtube.com/watch*',
  'https://m.youtube.com/watch*',
  'https://www.youtube.com/shorts/*',
  'https://music.youtube.com/watch*',
];

export const MENU_SAVE_QUOTE = 'save-quote';

/** Chrome's command for the panel beside the video (Firefox's is `_execute_sidebar_action`). */
export const COMMAND_OPEN_PANEL = 'open-panel';

export const PROMPT_ALARM = 'prompt';
export const PROMPT_NOTIFICATION_PREFIX = 'prompt:';

export const FOLLOW_UP_ALARM = 'follow-up';
export const FOLLOW_UP_NOTIFICATION_PREFIX = 'follow-up:';

export const ASSESSMENT_ALARM = 'assessment';
export const ASSESSMENT_NOTIFICATION_PREFIX = 'assessment:';

export const BACKUP_ALARM = 'backup-reminder';
export const BACKUP_NOTIFICATION_ID = 'backup-reminder';

export const SNAPSHOT_ALARM = 'snapshot';

export const SYNC_ALARM = 'sync';
export const SYNC_SOON_ALARM = 'sync-soon';
