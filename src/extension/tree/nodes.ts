// The Restore Sessions tree:
//
//   connection (Local emulator · 127.0.0.1:4000)
//   └─ workload (Exchange, SharePoint, OneDrive; description "2 active · 41")
//      ├─ session (created when and by whom, status icon, "3/8 restored")
//      │  ├─ artifact (protection unit name, point in time, destination, status)
//      │  └─ bulk addition request
//      ├─ Load more / Load all (when the service has more pages)
//      └─ message (empty, error with retry, …)
//
// Nodes are plain data, discriminated by `kind`; each kind renders itself and lists its children in its own
// file (connectionNode.ts, workloadNode.ts, …). Every node but the connection knows its parent, so any node
// can be revealed. Ids are paths (`<connection>/<workload>/<sessionId>/<artifactId>`) so expansion and
// selection survive a refresh.
import type { RestoreArtifact, RestoreArtifactsBulkAdditionRequest, RestoreSession, Workload } from '../../backup/model';

export interface ConnectionNode { kind: 'connection'; id: string; connectionId: string; label: string; detail: string }
export interface WorkloadNode { kind: 'workload'; id: string; parent: ConnectionNode; workload: Workload }
export interface SessionNode { kind: 'session'; id: string; parent: WorkloadNode; workload: Workload; session: RestoreSession }
export interface ArtifactNode { kind: 'artifact'; id: string; parent: SessionNode; workload: Workload; artifact: RestoreArtifact; granular: boolean }
export interface BulkRequestNode { kind: 'bulkRequest'; id: string; parent: SessionNode; workload: Workload; request: RestoreArtifactsBulkAdditionRequest }
export interface LoadMoreNode { kind: 'loadMore'; id: string; parent: WorkloadNode; workload: Workload; loaded: number; total?: number }
export interface MessageNode {
  kind: 'message';
  id: string;
  /** Undefined for a failure at the root (no connection yet). */
  parent?: ConnectionNode | WorkloadNode | SessionNode;
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  /** Command run when the node is clicked, such as Retry. */
  command?: { command: string; title: string; arguments?: unknown[] };
}

export type Node = ConnectionNode | WorkloadNode | SessionNode | ArtifactNode | BulkRequestNode | LoadMoreNode | MessageNode;

/** The node's parent; undefined only for the connection (and a root-level message). */
export function parentOf(node: Node): Node | undefined {
  return node.kind === 'connection' ? undefined : node.parent;
}
