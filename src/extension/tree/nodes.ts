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
// Nodes are plain data, discriminated by `kind`; each kind renders itself in its own file. Ids are paths
// (`exchange/<sessionId>/<artifactId>`) so expansion and selection survive a refresh.
import type { RestoreArtifact, RestoreArtifactsBulkAdditionRequest, RestoreSession, RestoreSessionStatus, Workload } from '../../backup/model';

export interface ConnectionNode { kind: 'connection'; id: string; label: string; detail: string }
export interface WorkloadNode { kind: 'workload'; id: string; workload: Workload }
export interface SessionNode { kind: 'session'; id: string; workload: Workload; session: RestoreSession }
export interface ArtifactNode { kind: 'artifact'; id: string; workload: Workload; sessionId: string; sessionStatus: RestoreSessionStatus; artifact: RestoreArtifact; granular: boolean }
export interface BulkRequestNode { kind: 'bulkRequest'; id: string; workload: Workload; sessionId: string; request: RestoreArtifactsBulkAdditionRequest }
export interface LoadMoreNode { kind: 'loadMore'; id: string; workload: Workload; loaded: number; total?: number }
export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  /** Command run when the node is clicked, such as Retry. */
  command?: { command: string; title: string; arguments?: unknown[] };
}

export type Node = ConnectionNode | WorkloadNode | SessionNode | ArtifactNode | BulkRequestNode | LoadMoreNode | MessageNode;
