import type { z } from 'zod';

/** Methods the dashboard needs beyond the sidebar's: owned with lib/background/handlers-dashboard.ts. */
export const dashboardContract = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
