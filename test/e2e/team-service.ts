import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { createTeam } from '../../server/accounts/teams';
import { buildApp } from '../../server/app';
import { migrate } from '../../server/db/migrate';
import { createPool } from '../../server/db/pool';
import { EventHub } from '../../server/events/hub';
import { startCluster } from '../server/cluster';
import { attach, type Extension, launchChromium } from './harness';

/** Browsers with the built extension, each in a profile of its own (one per rep), and their cleanup. */
export async function launchProfiles(count: number): Promise<{ exts: Extension[]; close(): Promise<void> }> {
  const dirs: string[] = [];
  const exts: Extension[] = [];
  for (let i = 0; i < count; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'sidecar-team-'));
    dirs.push(dir);
    exts.push(await attach(await launchChromium(dir), dir));
  }
  return {
    exts,
    close: async () => {
      for (const ext of exts) await ext.context.close().catch(() => undefined);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The real team service for e2e runs: a PostgreSQL of its own, migrated, the service listening on a free port and
 * answering CORS for the extension's origin (start the browsers first: the browser decides that origin), and one
 * team whose manager's invite code it gives.
 */
export async function startTeamService(extensionId: string) {
  const cluster = await startCluster();
  const pool = createPool(cluster.url(), () => undefined);
  await migrate(pool);
  const hub = new EventHub(pool, { warn: () => undefined, info: () => undefined }, cluster.url());
  const app = await buildApp({ pool, hub, allowedOrigins: [`chrome-extension://${extensionId}`], closeGraceMs: 200 });
  await hub.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const {
    invite: { code: managerCode },
  } = await createTeam(pool, { name: 'Lucky Retail', managerName: 'Dara', managerEmail: 'dara@lucky.kh' });
  return {
    url,
    managerCode,
    pool,
    stop: async () => {
      await app.close();
      await pool.end();
      await cluster.stop();
    },
  };
}

/** Joins the team from Settings → Team, as a rep does, and answers the settings page. */
export async function joinTeam(ext: Extension, service: string, code: string, device: string): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/settings');
  const team = page.getByRole('region', { name: 'Team', exact: true });
  await team.getByLabel('Team service address').fill(service);
  await team.getByLabel('Invite code').fill(code);
  await team.getByLabel('Name of this browser').fill(device);
  await team.getByRole('button', { name: 'Join team' }).click();
  await expect(team.getByText('Lucky Retail')).toBeVisible();
  await expect(team.getByRole('status')).toHaveText('Connected');
  return page;
}

/** Invites a rep from the manager's Settings → Team page and answers the one-time code shown. */
export async function inviteRep(settings: Page, name: string, email: string): Promise<string> {
  const team = settings.getByRole('region', { name: 'Team', exact: true });
  await team.getByLabel('Name', { exact: true }).fill(name);
  await team.getByLabel('Email').fill(email);
  await team.getByRole('button', { name: 'Make an invite code' }).click();
  const shown = await team.getByTestId('team-invite-code').textContent();
  const code = /: ([A-Z0-9-]+)\./.exec(shown ?? '')?.[1];
  expect(code).toBeTruthy();
  return code!;
}
