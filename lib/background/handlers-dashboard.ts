import type { dashboardContract } from '../rpc/contract-dashboard';
import type { Handlers } from '../rpc/router';
import type { WorkerServices } from './handlers';

export function createDashboardHandlers(_s: WorkerServices): Pick<Handlers, keyof typeof dashboardContract> {
  return {};
}
