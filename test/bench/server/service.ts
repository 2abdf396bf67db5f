import { format, newClock, tick } from '../../../lib/sync/hlc';
import type { Json } from '../../../lib/sync/json';
import type { JoinResponse, Mutation, SyncEntity } from '../../../lib/sync/protocol';
import { createTeam } from '../../../server/accounts/teams';
import type { Pool } from '../../../server/db/pool';

/** A device of the bench: joined over HTTP like a browser, numbering and stamping its mutations like the worker. */
export class BenchDevice {
  private clock;
  private seq = 0;
  constructor(
    readonly base: string,
    readonly joined: JoinResponse,
  ) {
    this.clock = newClock(joined.deviceId);
  }

  change(entity: SyncEntity, id: string, values: Record<string, Json>): Mutation {
    this.clock = tick(this.clock, Date.now());
    const hlc = format(this.clock);
    const fields = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, hlc, base: null }]));
    return { seq: ++this.seq, entity, id, fields };
  }

  async push(mutations: Mutation[]): Promise<void> {
    const response = await post(
      this.base,
      '/v1/push',
      { deviceId: this.joined.deviceId, mutations },
      this.joined.token,
    );
    if (response.status !== 200) throw new Error(`push refused: ${response.status} ${JSON.stringify(response.body)}`);
  }

  invite(name: string): Promise<string> {
    const email = `${name.toLowerCase()}@bench.kh`;
    return post(this.base, '/v1/invites', { role: 'rep', name, email }, this.joined.token).then(
      (answer) => (answer.body as { code: string }).code,
    );
  }
}

async function post(base: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

export async function join(base: string, code: string, deviceName: string): Promise<JoinResponse> {
  const answer = await post(base, '/v1/join', { code, deviceName });
  if (answer.status !== 200) throw new Error(`join failed: ${JSON.stringify(answer.body)}`);
  return answer.body as JoinResponse;
}

/** A new team and its manager's first device. */
export async function benchTeam(pool: Pool, base: string, name: string) {
  const slug = name.toLowerCase().replace(/\W/g, '');
  const { teamId, invite } = await createTeam(pool, { name, managerName: 'Dara', managerEmail: `dara@${slug}.kh` });
  const joined = await join(base, invite.code, 'Dara bench');
  return { teamId, manager: new BenchDevice(base, joined) };
}
