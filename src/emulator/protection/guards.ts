// Lookups that refuse with the documented codes, shared by the policy, rule, job and unit handlers: a policy
// by id (400 InvalidPolicyId for a blank id, 404 PolicyNotFound), and the service state that forbids
// protection changes (graph-backup-api.md §2.2 backupServiceStatus: protectionChangeLocked and restoreLocked allow
// no policy create or update and no unit add or remove; restoreLocked allows no restore either).
import type { IdentitySet, Workload } from '../../backup/model';
import { badRequest, EmulatorError, notFound } from '../errors';
import type { RequestContext } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { EMULATOR_IDENTITY } from '../service/records';
import type { PolicyRecord } from './types';

export function policyOrThrow(core: EmulatorCore, id: string, w?: Workload): PolicyRecord {
  if (id.trim() === '') throw badRequest('InvalidPolicyId', 'Policy ID is invalid.');
  const policy = core.protection.policy(id, w);
  if (!policy) throw notFound('PolicyNotFound', `Unable to get the protection policy '${id}'.`);
  return policy;
}

/** Emulator-specific code (the docs name the state, not the error): 403 ProtectionChangeLocked. */
export function assertChangesAllowed(core: EmulatorCore): void {
  const status = core.protection.state.service.status;
  if (status === 'protectionChangeLocked' || status === 'restoreLocked') {
    throw new EmulatorError(403, 'ProtectionChangeLocked', `The backup service is ${status}: policies and protection units cannot be changed until the service is enabled again.`);
  }
}

/** Emulator-specific code for the documented state (§2.2: restoreLocked allows no restore): 403 RestoreLocked. */
export function assertRestoresAllowed(core: EmulatorCore): void {
  if (core.protection.state.service.status === 'restoreLocked') {
    throw new EmulatorError(403, 'RestoreLocked', 'The backup service is restoreLocked: restores are blocked until the service is enabled again.');
  }
}

export const callerOf = (ctx: RequestContext): IdentitySet => ctx.caller ?? EMULATOR_IDENTITY;
