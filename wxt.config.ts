import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// The benchmark page (entrypoints/bench/) ships only in `npm run bench` builds, and into a folder of their own.
const bench = process.env.SIDECAR_BENCH === '1';
// Lets two builds run side by side on one machine (each with its e2e run) without overwriting each other.
const outDir = process.env.SIDECAR_OUT_DIR ?? '.output';

/**
 * zod compiles fast parsers from strings with `Function`; `z.config({ jitless: true })` (lib/model/common.ts) keeps
 * that off, but the code still ships: a probe `new Function("")` and the compiler, both behind `const F = Function;`.
 * Extension pages forbid eval anyway (script-src 'self') and Firefox's review flags it, so the build hands zod a
 * stand-in that throws instead: the probe answers "no eval" and the bundle evaluates no string. When zod's code no
 * longer reads this way the build fails, so a zod update cannot quietly bring eval back.
 */
function zodWithoutEval(): Plugin {
  const original = 'const F = Function;';
  return {
    name: 'sidecar:zod-without-eval',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/.test(id)) return null;
      if (!code.includes(original)) this.error(`zod's ${id} no longer says "${original}": see zodWithoutEval`);
      return code.replaceAll(original, 'const F = function () { throw new EvalError("built without eval"); };');
    },
  };
}

/**
 * Content scripts get lib/content/page-context.ts as their context instead of WXT's, which weighs close to a kilobyte
 * (gzip) of the Gmail script's budget for features we do not use. Only WXT's content-script entry imports it.
 */
function smallContentScriptContext(): Plugin {
  const replacement = fileURLToPath(new URL('./lib/content/page-context.ts', import.meta.url));
  return {
    name: 'sidecar:small-content-script-context',
    enforce: 'pre',
    resolveId: (source) => (source === 'wxt/utils/content-script-context' ? replacement : null),
  };
}

// Gmail and Outlook on the web (Microsoft 365's two hosts, Outlook.com, and Microsoft's newer domain for the same app).
const WEBMAIL_HOSTS = [
  'mail.google.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
];

// Permissions are the documented minimum; test/unit/manifest.test.ts and the built-manifest check keep them so.
export default defineConfig({
  srcDir: '.',
  outDir: bench ? `${outDir}/bench` : outDir,
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
    plugins: [preact(), zodWithoutEval(), smallContentScriptContext()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', 'contextMenus', 'activeTab'],
    host_permissions: WEBMAIL_HOSTS.map((host) => `https://${host}/*`),
    content_security_policy: {
      extension_pages: `script-src 'self'; object-src 'self'; frame-ancestors ${WEBMAIL_HOSTS.map((host) => `https://${host}`).join(' ')} 'self'`,
    },
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: WEBMAIL_HOSTS.map((host) => `https://${host}/*`) },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidecar-crm@sidecar.example',
              // data_collection_permissions needs Firefox 140 (an ESR) and Firefox for Android 142.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
