import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getSettings } from '@/lib/db/config';
import { openCrmDb } from '@/lib/db/open';
import { BUILT_IN_KIND_IDS } from '@/lib/model';
import { planCsvRows, planReportLine, reportPlanSummary } from '@/lib/plan/report';
import { responseSamples } from '@/lib/reports/response-times';
import { newThreadRecord, saveThreadRecord } from '@/lib/service/store';

const HOUR = 3_600_000;
// Tuesday 8 December 2026, 15:00 in Phnom Penh.
const NOW = Date.UTC(2026, 11, 8, 8, 0);

describe("the plan's targets in a scheduled report", () => {
  it('evaluates the seeded targets as of the period and writes them as CSV rows', async () => {
    const db = await openCrmDb('plan-report', () => NOW);
    const settings = { ...(await getSettings(db)), timeZone: 'Asia/Phnom_Penh' };
    // Tuesday 09:00 answered 10:00: within the complaint's 4 working hours.
    const inbound = Date.UTC(2026, 11, 8, 2, 0);
    await saveThreadRecord(
      db,
      {
        ...newThreadRecord({ threadId: 't1', accountIndex: 0, subject: 'ខូច', ownerRepId: null }, inbound),
        kindId: BUILT_IN_KIND_IDS.complaint,
        firstInboundAt: inbound,
        firstAnsweredAt: inbound + HOUR,
      },
      NOW,
    );
    const summary = await reportPlanSummary(db, settings, NOW, NOW, responseSamples);
    expect(summary).toEqual([
      expect.objectContaining({ measure: 'withinTarget', builtIn: 'complaint', target: 0.9, value: 1, met: true }),
      expect.objectContaining({ measure: 'satisfaction', kindId: null, target: 4.2, value: null, met: null }),
    ]);
    expect(planCsvRows(summary)).toEqual([
      ['plan', 'withinTarget:complaint:value', '1'],
      ['plan', 'withinTarget:complaint:at_least', '0.9'],
      ['plan', 'withinTarget:complaint:met', 'true'],
      ['plan', 'satisfaction:all:value', ''],
      ['plan', 'satisfaction:all:at_least', '4.2'],
      ['plan', 'satisfaction:all:met', ''],
    ]);
    expect(planReportLine(summary, (key, v) => `${key} ${v.met}/${v.count}, ${v.missed} missed`)).toBe(
      'reportPlan 1/2, 0 missed',
    );
    // A report of last month is measured by last month: the December answer is not in it.
    const november = await reportPlanSummary(db, settings, NOW, Date.UTC(2026, 10, 30, 17, 0), responseSamples);
    expect(november[0]).toMatchObject({ value: null, met: null });
    db.close();
  });
});
