import { buildApp } from '../../../server/app';
import { migrate } from '../../../server/db/migrate';
import { createPool } from '../../../server/db/pool';
import { EventHub } from '../../../server/events/hub';
import { startCluster } from '../../server/cluster';
import { seedTeam } from './records';
import { benchTeam } from './service';

const S = 0.05;
const cluster = await startCluster();
const pool = createPool(cluster.url(), () => undefined, 30);
const hub = new EventHub(pool, { warn: () => undefined, info: () => undefined }, cluster.url());
const app = await buildApp({ pool, hub, allowedOrigins: [], closeGraceMs: 200 });
await migrate(pool);
await hub.start();
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const big = await benchTeam(pool, base, 'Mekong');
await seedTeam(pool, big.teamId, big.manager.joined.rep.id, {
  contacts: 100000 * S,
  companies: 20000 * S,
  deals: 30000 * S,
  activities: 300000 * S,
});
for (let round = 0; round < 2; round++) {
  let cursor = 0;
  let bytes = 0;
  const t = performance.now();
  let pages = 0;
  for (;;) {
    const r = await fetch(`${base}/v1/pull?cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${big.manager.joined.token}` },
    });
    const text = await r.text();
    bytes += text.length;
    pages++;
    const body = JSON.parse(text);
    cursor = body.cursor;
    if (!body.more) break;
  }
  console.log('pull', pages, 'pages', Math.round(performance.now() - t), 'ms', Math.round(bytes / 1e6), 'MB');
}
await app.close();
await pool.end();
await cluster.stop();
