import { WEBMAIL_ORIGINS } from '@/lib/webmail/origins';
import config from '@/wxt.config';

/**
 * The manifest's webmail hosts and the origins the worker and the sidebar trust (lib/webmail/origins.ts) are one list:
 * a host granted but not trusted would show a sidebar that never links, one trusted but not granted would be dead
 * code. The built manifest is checked again in test/e2e/build.e2e.ts.
 */
type Manifest = {
  host_permissions: string[];
  content_security_policy: { extension_pages: string };
  web_accessible_resources: { resources: string[]; matches: string[] }[];
};
const manifestFor = (browser: string) => (config.manifest as (env: { browser: string }) => Manifest)({ browser });

describe('the manifest', () => {
  const trusted = WEBMAIL_ORIGINS.map((origin) => `${origin}*`);

  it.each(['chrome', 'firefox'])('grants exactly the trusted webmail hosts on %s', (browser) => {
    const m = manifestFor(browser);
    expect(m.host_permissions).toEqual(trusted);
    expect(m.web_accessible_resources).toEqual([{ resources: ['sidebar.html'], matches: trusted }]);
    const ancestors = WEBMAIL_ORIGINS.map((origin) => origin.slice(0, -1)).join(' ');
    expect(m.content_security_policy.extension_pages).toBe(
      `script-src 'self'; object-src 'self'; frame-ancestors ${ancestors} 'self'`,
    );
  });
});
