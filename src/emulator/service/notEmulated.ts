// Endpoints Microsoft lists for Backup Storage that the emulator does not implement: updating a protection unit
// (`PATCH /<workload>ProtectionUnits/{id}`), which appears only in the permissions map and in beta pages (its
// properties, such as the retention period, are beta-only). They answer 501 `NotImplemented` with "not emulated
// yet" and Microsoft's API index, so nobody takes the emulator's silence for Graph lacking them (graph-backup-api.md §3.4).
import { WORKLOADS } from '../../backup/model';
import { EmulatorError } from '../errors';
import type { Handler, Router } from './router';

/** Microsoft's index of the Backup Storage API, which links the page of each of these endpoints. */
const OVERVIEW = 'https://learn.microsoft.com/en-us/graph/api/resources/backup-restore-overview';

function notEmulated(what: string): Handler {
  return () => {
    throw new EmulatorError(501, 'NotImplemented', `${what} is part of the Backup Storage API Microsoft documents (${OVERVIEW}) but is not emulated yet.`);
  };
}

export function addNotEmulatedRoutes(r: Router): void {
  for (const w of WORKLOADS) r.add('PATCH', `${w.protectionUnits.nav}/{id}`, notEmulated(`Updating ${w.label} protection units`));
}
