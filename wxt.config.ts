import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The benchmark page (entrypoints/bench/) ships only in `npm run bench` builds, and into a folder of their own.
const bench = process.env.SIDECAR_BENCH === '1';

// Permissions are the documented minimum; test/unit/manifest.test.ts and the built-manifest check keep them so.
export default defineConfig({
  srcDir: '.',
  outDir: bench ? '.output/bench' : '.output',
  hooks: {
    'entrypoints:found': (_wxt, infos) => {
      if (bench) return;
      for (let i = infos.length - 1; i >= 0; i--) if (infos[i]?.name === 'bench') infos.splice(i, 1);
    },
  },
  modules: [],
  // Explicit imports everywhere: a reader sees where each name comes from, and components/ exports stay local.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: ['https://mail.google.com/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; frame-ancestors https://mail.google.com 'self'",
    },
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['https://mail.google.com/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidecar-crm@sidecar.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
