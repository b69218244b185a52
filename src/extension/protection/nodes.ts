// The Protection view's tree:
//
//   service (the connection; description: backup on / off / locked, grace period)
//   └─ workload (Exchange, SharePoint, OneDrive)
//      └─ policy (name; status and unit counts)
//         └─ unit (name; status in words, protected since)
//            ├─ Restore points
//            │  ├─ day (2026-12-01; 24-hour axis, points, gaps)
//            │  │  ├─ restore point (09:10, fast restore marked)
//            │  │  └─ gap (no restore point for 1 h 20 min)
//            │  └─ Weekly, older than 14 days
//            └─ Restore history
//               └─ restore session (named by what it restores; opens its details)
//
// Nodes are plain data, discriminated by `kind`; each kind renders itself (and lists its children) in its own file.
// Ids are paths so expansion survives a refresh. Context values `protectionService`, `protectionWorkload`,
// `protectionPolicy`, `protectionUnit` and `protectionPoint` are what menus attach to.
import type { ProtectionPolicyBase, ProtectionUnit, RestoreSession, ServiceStatus, Workload } from '../../backup/model';
import type { UnitRef } from '../../backup/sessionNaming';
import type { TimelineDay, TimelineEntry, TimelineGap, TimelinePoint } from '../../backup/timeline';

export interface ServiceNode { kind: 'service'; id: string; label: string; host: string; status?: ServiceStatus; statusError?: unknown }
export interface WorkloadNode { kind: 'workload'; id: string; parent: ServiceNode; workload: Workload }
export interface PolicyNode { kind: 'policy'; id: string; parent: WorkloadNode; workload: Workload; policy: ProtectionPolicyBase }
export interface UnitNode { kind: 'unit'; id: string; parent: PolicyNode; workload: Workload; unit: ProtectionUnit; ref: UnitRef }
export interface PointsNode { kind: 'points'; id: string; parent: UnitNode }
export interface DayNode { kind: 'day'; id: string; parent: PointsNode; day: TimelineDay }
export interface WeeklyNode { kind: 'weekly'; id: string; parent: PointsNode; entries: TimelineEntry[] }
export interface PointNode { kind: 'point'; id: string; parent: DayNode | WeeklyNode; unit: UnitNode; point: TimelinePoint }
export interface GapNode { kind: 'gap'; id: string; parent: DayNode | WeeklyNode; gap: TimelineGap }
export interface HistoryNode { kind: 'history'; id: string; parent: UnitNode }
export interface RestoreNode { kind: 'restore'; id: string; parent: HistoryNode; workload: Workload; session: RestoreSession; name: string }
export interface MessageNode {
  kind: 'message';
  id: string;
  parent?: ProtectionNode;
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  command?: { command: string; title: string; arguments?: unknown[] };
}

export type ProtectionNode =
  | ServiceNode | WorkloadNode | PolicyNode | UnitNode | PointsNode | DayNode | WeeklyNode | PointNode | GapNode
  | HistoryNode | RestoreNode | MessageNode;

/** The unit a node belongs to (the unit itself, its folders, its points): what "Restore…" restores. */
export function unitOf(node: ProtectionNode): UnitNode | undefined {
  switch (node.kind) {
    case 'unit': return node;
    case 'points': case 'history': return node.parent;
    case 'day': case 'weekly': return node.parent.parent;
    case 'point': return node.unit;
    default: return undefined;
  }
}

export function parentOf(node: ProtectionNode): ProtectionNode | undefined {
  return node.kind === 'service' ? undefined : node.parent;
}

export function isProtectionNode(value: unknown): value is ProtectionNode {
  return typeof value === 'object' && value !== null && typeof (value as ProtectionNode).kind === 'string' && typeof (value as ProtectionNode).id === 'string';
}
