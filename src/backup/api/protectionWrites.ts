// Changes to what Backup Storage protects (graph-backup-api.md §3.1–3.4): create, edit (`<units>@delta`),
// activate, deactivate and delete protection policies; run an inclusion rule or delete it with the units it
// added; offboard a unit or cancel that; add units in bulk jobs; turn the service on; edit who is e-mailed.
// None of these is retried automatically (each POST / PATCH changes protection); the extension only calls them
// after the admin opted in and confirmed a plan that names what stops being protected.
import type { GraphClient, GraphResponse } from '../../graph';
import type {
  DeltaItemFailure, EmailNotificationsSetting, ProtectionPolicyBase, ProtectionRuleBase, ProtectionUnit,
  ProtectionUnitsBulkJobBase, ServiceStatus, Workload,
} from '../model';
import { removalBody } from './bodies';
import { paths, ROOT, segment } from './paths';

/** The per-item answer of a policy PATCH: units the service took (added or removed) and the ones it refused. */
export interface PolicyUnitsChange {
  policy: ProtectionPolicyBase;
  accepted: ProtectionUnit[];
  failures: DeltaItemFailure[];
}

/** A bulk addition job's rows: addresses (e-mail or site URL) and ids, in the workload's fields. */
export interface BulkJobInput {
  displayName: string;
  addresses?: readonly string[];
  ids?: readonly string[];
}

const policyPath = (id: string) => `${ROOT}/protectionPolicies/${segment(id)}`;
const workloadPolicyPath = (w: Workload, id: string) => `${paths.workloadPolicies(w)}/${segment(id)}`;
const rulePath = (w: Workload, id: string) => `${ROOT}/${w.inclusionRulesNav}/${segment(id)}`;

export class ProtectionWritesApi {
  constructor(private readonly client: GraphClient) {}

  /** Creates an (inactive) policy protecting the resources, by directory object id or site id. */
  async createPolicy(workload: Workload, displayName: string, resourceIds: readonly string[], signal?: AbortSignal): Promise<GraphResponse<ProtectionPolicyBase>> {
    const field = workload.protectionUnits.resourceIdField;
    return this.client.post<ProtectionPolicyBase>(paths.workloadPolicies(workload), {
      body: { displayName, [workload.protectionUnits.nav]: resourceIds.map((id) => ({ [field]: id })) },
      signal,
    });
  }

  /**
   * Adds resources (by directory object id or site id) to a policy and removes units (by unit id) with one
   * `<units>@delta` PATCH. The service echoes each item: added units as `protectRequested`, removed ones as
   * `removeRequested`, refusals as `@Core.DataModificationException` items, which are returned, not thrown.
   */
  async changePolicyUnits(
    workload: Workload, policyId: string, change: { add?: readonly string[]; remove?: readonly string[] }, signal?: AbortSignal,
  ): Promise<PolicyUnitsChange> {
    const field = workload.protectionUnits.resourceIdField;
    const key = `${workload.protectionUnits.nav}@delta`;
    const response = await this.client.patch<(ProtectionPolicyBase & Record<string, unknown>) | undefined>(workloadPolicyPath(workload, policyId), {
      body: { [key]: [...(change.add ?? []).map((id) => ({ [field]: id })), ...(change.remove ?? []).map(removalBody)] },
      signal,
    });
    const echo = Array.isArray(response.body?.[key]) ? (response.body[key] as Record<string, unknown>[]) : [];
    const failures = echo.filter((item) => item['@Core.DataModificationException']) as unknown as DeltaItemFailure[];
    const accepted = echo.filter((item) => !item['@Core.DataModificationException']) as unknown as ProtectionUnit[];
    const policy = { ...(response.body ?? { id: policyId }) } as ProtectionPolicyBase & Record<string, unknown>;
    delete policy[key];
    return { policy, accepted, failures };
  }

  async activatePolicy(policyId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionPolicyBase>> {
    return this.client.post<ProtectionPolicyBase>(`${policyPath(policyId)}/activate`, { signal });
  }

  async deactivatePolicy(policyId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionPolicyBase>> {
    return this.client.post<ProtectionPolicyBase>(`${policyPath(policyId)}/deactivate`, { signal });
  }

  /** Only an inactive policy may be deleted (403 `PolicyActionNotAllowed` otherwise). */
  async deletePolicy(policyId: string, signal?: AbortSignal): Promise<void> {
    await this.client.delete(policyPath(policyId), { signal });
  }

  /** The inclusion rules of a policy. */
  async rules(workload: Workload, policyId: string, signal?: AbortSignal): Promise<ProtectionRuleBase[]> {
    return this.client.collectAll<ProtectionRuleBase>(`${workloadPolicyPath(workload, policyId)}/${workload.inclusionRulesNav}`, { signal });
  }

  /** Applies a static rule now (a dynamic one is refused with `RunNotAllowedForDynamicRule`). */
  async runRule(workload: Workload, ruleId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionRuleBase>> {
    return this.client.post<ProtectionRuleBase>(`${rulePath(workload, ruleId)}/run`, { signal });
  }

  /** Deletes a mailbox or OneDrive rule and unprotects the units it added. */
  async deleteRuleAndUnprotect(workload: Workload, ruleId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionRuleBase>> {
    return this.client.post<ProtectionRuleBase>(`${rulePath(workload, ruleId)}/deleteAndUnprotect`, { signal });
  }

  /** Starts offboarding a unit: once it completes, its backups are deleted. */
  async offboardUnit(unitId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionUnit>> {
    return this.client.post<ProtectionUnit>(`${ROOT}/protectionUnits/${segment(unitId)}/offboard`, { signal });
  }

  async cancelOffboardUnit(unitId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionUnit>> {
    return this.client.post<ProtectionUnit>(`${ROOT}/protectionUnits/${segment(unitId)}/cancelOffboard`, { signal });
  }

  /** Creates a bulk job adding the listed resources to a policy; the service resolves the rows. */
  async createBulkJob(workload: Workload, policyId: string, input: BulkJobInput, signal?: AbortSignal): Promise<GraphResponse<ProtectionUnitsBulkJobBase>> {
    const body: Record<string, unknown> = { displayName: input.displayName };
    if (input.addresses?.length) body[workload.bulkRequests.resourceField] = [...input.addresses];
    if (input.ids?.length) body[workload.bulkRequests.idField] = [...input.ids];
    return this.client.post<ProtectionUnitsBulkJobBase>(`${workloadPolicyPath(workload, policyId)}/${workload.unitBulkJobsNav}`, { body, signal });
  }

  /** A bulk job as it stands now (`active` until every row is resolved). */
  async bulkJob(workload: Workload, policyId: string, jobId: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionUnitsBulkJobBase>> {
    return this.client.get<ProtectionUnitsBulkJobBase>(`${workloadPolicyPath(workload, policyId)}/${workload.unitBulkJobsNav}/${segment(jobId)}`, { signal });
  }

  /** Turns the service on, billed through the billing profile of `appOwnerTenantId`. */
  async enableService(appOwnerTenantId: string, signal?: AbortSignal): Promise<GraphResponse<ServiceStatus>> {
    return this.client.post<ServiceStatus>(`${ROOT}/enable`, { body: { appOwnerTenantId }, signal });
  }

  async notificationSetting(signal?: AbortSignal): Promise<GraphResponse<EmailNotificationsSetting>> {
    return this.client.get<EmailNotificationsSetting>(`${ROOT}/emailNotificationsSetting`, { signal });
  }

  /** PATCHes the setting and reads it back when the service answers 204. */
  async updateNotificationSetting(change: Partial<Pick<EmailNotificationsSetting, 'isEnabled' | 'additionalEvents' | 'recipients'>>, signal?: AbortSignal): Promise<EmailNotificationsSetting> {
    const response = await this.client.patch<EmailNotificationsSetting | undefined>(`${ROOT}/emailNotificationsSetting`, { body: change, signal });
    return response.body ?? (await this.notificationSetting(signal)).body;
  }
}
