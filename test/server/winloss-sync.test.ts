import type { PullResponse, PushResponse } from '@/lib/sync/protocol';
import { addMember, call, contactId, withTeam } from './harness';

const setup = withTeam();

describe('reasons and competitors on the team service', () => {
  it('takes a reason, a competitor and a deal lost to it from one rep, and gives them to another', async () => {
    const sokha = await addMember(setup.service, setup.manager, 'Sokha');
    const vanna = await addMember(setup.service, setup.manager, 'Vanna');
    const reasonId = contactId();
    const competitorId = contactId();
    const dealId = contactId();
    const batch = sokha.push([
      sokha.change('closeReasons', reasonId, {
        outcome: 'lost',
        name: 'Price too high',
        nameKm: 'តម្លៃខ្ពស់ពេក',
        order: 0,
      }),
      sokha.change('competitors', competitorId, { name: 'Angkor Office Supply', website: '', notes: '' }),
      sokha.change('deals', dealId, {
        status: 'lost',
        closeReasonId: reasonId,
        closeReasonOther: '',
        lostToCompetitorId: competitorId,
        competitorIds: [competitorId],
      }),
    ]);
    const pushed = await call<PushResponse>(setup.service.app, 'POST', '/v1/push', sokha.token, batch);
    expect(pushed.status).toBe(200);

    const pulled = await call<PullResponse>(setup.service.app, 'GET', '/v1/pull?cursor=0', vanna.token);
    const byId = new Map(pulled.body.records.map((record) => [record.id, record]));
    expect(byId.get(reasonId)).toMatchObject({ entity: 'closeReasons' });
    expect(byId.get(competitorId)?.fields.name?.value).toBe('Angkor Office Supply');
    expect(byId.get(dealId)?.fields.lostToCompetitorId?.value).toBe(competitorId);
  });

  it('refuses a reason on neither list', async () => {
    const rep = await addMember(setup.service, setup.manager, 'Dara');
    const bad = rep.push([rep.change('closeReasons', contactId(), { outcome: 'maybe', name: 'Who knows' })]);
    const answer = await call(setup.service.app, 'POST', '/v1/push', rep.token, bad);
    expect(answer.status).toBe(400);
  });
});
