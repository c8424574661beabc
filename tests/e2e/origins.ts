/** Origins the e2e copy of the extension may script without a user gesture (test pages only). */
export const E2E_HOST_PERMISSIONS = [
  'https://www.youtube.com/*',
  'https://m.youtube.com/*',
  'https://arstechnica.com/*',
  'https://www.bbc.com/*',
  'https://blog.example.org/*',
  'http://127.0.0.1/*',
];
