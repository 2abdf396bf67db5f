import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { seedTeam } from '../bench/server/records';
import { joinTeam, launchProfiles, startTeamService } from './team-service';

/**
 * A new browser of a team that already holds a CRM: while the first sync brings the team's records in, the
 * dashboard's header says how far it has come, and the line goes once the browser has caught up.
 */
test.describe.configure({ timeout: 120_000 });

test("a first sync shows its progress in the dashboard's header until the browser has caught up", async () => {
  const browsers = await launchProfiles(1);
  const ext = browsers.exts[0]!;
  const stack = await startTeamService(ext.id);
  try {
    const { rows } = await stack.pool.query<{ id: string }>('SELECT id FROM teams');
    const shape = { contacts: 6000, companies: 1200, deals: 1800, activities: 6000 };
    const records = await seedTeam(stack.pool, rows[0]!.id, randomUUID(), shape);
    const settings = await joinTeam(ext, stack.url, stack.managerCode, 'New laptop');
    const progress = settings.locator('.dash-top').getByRole('status');
    await expect(progress).toContainText("Bringing in the team's records", { timeout: 30_000 });
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress).toHaveCount(0, { timeout: 90_000 });
    const status = (await settings.evaluate(() =>
      chrome.runtime.sendMessage({ kind: 'sidecar-rpc', method: 'team.status', input: {} }),
    )) as { value: { cursor: number } };
    expect(status.value.cursor).toBeGreaterThanOrEqual(records);
  } finally {
    await browsers.close();
    await stack.stop();
  }
});
