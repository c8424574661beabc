import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { mergedLocaleFiles } from './scripts/locales';
import { E2E_HOST_PERMISSIONS } from './tests/e2e/origins';

// The e2e copy (npm run build:e2e) may reach the test origins without a user gesture, since
// automation cannot grant activeTab or answer a permission prompt. The store build never does.
const e2e = process.env.WXT_E2E === '1';
// Parallel builds (e2e copy, benchmark, a second checkout) each get their own folder.
const outDir = process.env.WXT_OUT_DIR ?? (e2e ? '.output-e2e' : '.output');

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...mergedLocaleFiles());
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: 'Learning Loop',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'contextMenus',
      'activeTab',
      'scripting',
    ],
    ...(e2e ? { host_permissions: E2E_HOST_PERMISSIONS } : {}),
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    icons: { 16: '/icons/16.png', 32: '/icons/32.png', 48: '/icons/48.png', 96: '/icons/96.png', 128: '/icons/128.png' },
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: '/icons/16.png', 32: '/icons/32.png', 48: '/icons/48.png' },
    },
    options_ui: { page: 'library.html#settings', open_in_tab: true },
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePage__',
      },
      ...(manifestVersion === 3
        ? { _execute_action: { suggested_key: { default: 'Alt+Shift+L' } } }
        : { _execute_browser_action: { suggested_key: { default: 'Alt+Shift+L' } } }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'learning-loop@learning-loop.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
