// Feeds the Protection view from the active connection (the one Restore Sessions shows): the service's status,
// workloads, policies, units, and per unit its restore-point timeline and restore history. Reads are lazy (on
// expand) and failures become rows with Retry. A unit's timeline is read once (many requests of five points) and
// kept until Refresh, so expanding its days costs nothing.
import * as vscode from 'vscode';
import { WORKLOADS } from '../../backup/model';
import { protectionWindow } from '../../backup/protectionText';
import { readTimeline, type UnitTimeline } from '../../backup/timeline';
import { localUtcOffset } from '../../backup/timeWords';
import type { SessionHub } from '../sessions/hub';
import type { SessionHubs } from '../sessions/hubs';
import { historyChildren, historyItem, restoreItem } from './historyNode';
import { errorNode, messageItem } from './messageNode';
import { parentOf, type ProtectionNode, type UnitNode } from './nodes';
import { pointItem } from './pointNode';
import { policyChildren, policyItem } from './policyNode';
import { serviceItem, serviceNode } from './serviceNode';
import { dayItem, entryNodes, gapItem, pointsChildren, pointsItem, weeklyItem } from './timelineNodes';
import { unitChildren, unitItem } from './unitNode';
import { workloadChildren, workloadItem, workloadNode } from './workloadNode';

export class ProtectionProvider implements vscode.TreeDataProvider<ProtectionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProtectionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly timelines = new Map<string, Promise<UnitTimeline>>();
  private hub: SessionHub | undefined;

  constructor(private readonly hubs: SessionHubs) {}

  getTreeItem(node: ProtectionNode): vscode.TreeItem {
    const now = Date.now();
    switch (node.kind) {
      case 'service': return serviceItem(node, now);
      case 'workload': return workloadItem(node);
      case 'policy': return policyItem(node);
      case 'unit': return unitItem(node, now);
      case 'points': return pointsItem(node);
      case 'day': return dayItem(node, now);
      case 'weekly': return weeklyItem(node);
      case 'point': return pointItem(node, now);
      case 'gap': return gapItem(node);
      case 'history': return historyItem(node);
      case 'restore': return restoreItem(node, now);
      case 'message': return messageItem(node);
    }
  }

  getParent(node: ProtectionNode): ProtectionNode | undefined {
    return parentOf(node);
  }

  async getChildren(node?: ProtectionNode): Promise<ProtectionNode[]> {
    try {
      if (!node) {
        this.hub = await this.hubs.active();
        return [await serviceNode(this.hub)];
      }
      const hub = this.hub ?? (this.hub = await this.hubs.active());
      switch (node.kind) {
        case 'service': return WORKLOADS.map((w) => workloadNode(node, w));
        case 'workload': return await workloadChildren(node, hub);
        case 'policy': return await policyChildren(node, hub);
        case 'unit': return unitChildren(node);
        case 'points': return pointsChildren(node, await this.timeline(hub, node.parent));
        case 'day': return entryNodes(node, node.day.entries);
        case 'weekly': return entryNodes(node, node.entries);
        case 'history': return await historyChildren(node, hub);
        default: return [];
      }
    } catch (error) {
      return [errorNode(node, error)];
    }
  }

  /** Reads everything again (Refresh, a connection change). */
  refresh(): void {
    this.hub = undefined;
    this.timelines.clear();
    this.changed.fire(undefined);
  }

  /** The unit's timeline, read once per refresh; a failed read is forgotten so Retry reads again. */
  timeline(hub: SessionHub, unit: UnitNode): Promise<UnitTimeline> {
    let timeline = this.timelines.get(unit.id);
    if (!timeline) {
      const nowMs = Date.now();
      timeline = readTimeline(
        (range) => hub.api.protection.restorePointsIn(unit.unit.id, range),
        { nowMs, utcOffsetMinutes: localUtcOffset(nowMs), ...protectionWindow(unit.unit) },
      );
      timeline.catch(() => this.timelines.delete(unit.id));
      this.timelines.set(unit.id, timeline);
    }
    return timeline;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
