import { z } from 'zod';
import { recordId } from '../model';
import type { ContractShape } from '../rpc/define';

/** "Email it" on a report: owned with lib/reports/mail-handlers.ts. */
export const reportMailContract = {
  /** The Gmail compose address drafting the report to the manager; the page opens it, the rep sends it. */
  'report.mailDraft': { input: z.object({ id: recordId }), output: z.object({ url: z.string() }) },
} satisfies ContractShape;
