import { attach, expect, launchChromium, rpc, test } from './harness';

test('the worker answers an extension page, and data survives a reload and a browser restart', async ({ ext }) => {
  const page = await ext.openPage('popup.html');
  const ping = await rpc<{ version: string }>(page, 'ping', {});
  expect(ping.version).toMatch(/^\d+\.\d+\.\d+$/);

  const created = await rpc<{ id: string }>(page, 'contact.create', {
    name: 'សុខ ចាន់ធី',
    emails: [{ address: 'Sokha.Chan@NBC.gov.kh' }],
  });
  await page.reload();
  const found = await rpc<{ contacts: { id: string; name: string }[] }>(page, 'search.all', { query: 'ចាន់' });
  expect(found.contacts.map((c) => c.id)).toEqual([created.id]);

  const refused = await page.evaluate(() =>
    chrome.runtime.sendMessage({ kind: 'sidecar-rpc', method: 'contact.create', input: { name: '' } }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });

  expect(ext.workerErrors).toEqual([]);

  // Close the whole browser and start it again on the same profile.
  await ext.context.close();
  const context = await launchChromium(ext.userDataDir);
  try {
    const again = await attach(context, ext.userDataDir);
    const after = await again.openPage('popup.html');
    const contact = await rpc<{ name: string } | null>(after, 'contact.get', { id: created.id });
    expect(contact?.name).toBe('សុខ ចាន់ធី');
    expect(again.workerErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
