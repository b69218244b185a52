// One session hub per connection. `active()` asks the connection manager once and hands back the hub of
// the active connection; a panel keeps the hub it was opened on, so it never shows another tenant's
// sessions or name, and can tell whether its connection is still the active one. Every hub's changes are
// re-announced on one event, so subscribers need not track connection switches. The hub of a connection that
// is not active can still be followed (`following`): it then reads through a background copy of its connection.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections';
import { SessionHub, type SessionChange } from './hub';

export class SessionHubs implements vscode.Disposable {
  private readonly hubs = new Map<string, SessionHub>();
  private readonly changed = new vscode.EventEmitter<SessionChange>();
  private readonly reconnected: vscode.Disposable;
  /** Any session of any connection changed. */
  readonly onDidChangeSession = this.changed.event;

  constructor(private readonly connections: ConnectionManager) {
    // A reconnect of a known connection (new HTTP pool) keeps its hub and its copies.
    this.reconnected = connections.onDidConnect((connection) => this.hubs.get(connection.id)?.rebind(connection));
  }

  /** The hub of the active connection (connecting on first use). */
  async active(): Promise<SessionHub> {
    const connection = await this.connections.get();
    let hub = this.hubs.get(connection.id);
    if (!hub) {
      hub = new SessionHub(connection);
      hub.onDidChangeSession((change) => this.changed.fire(change));
      this.hubs.set(connection.id, hub);
    }
    return hub;
  }

  /** The hub of the active connection if it was already used; never connects. */
  existing(): SessionHub | undefined {
    return this.hubs.get(this.connections.activeId);
  }

  /** The hub of a connection, if it was ever used in this window. */
  get(connectionId: string): SessionHub | undefined {
    return this.hubs.get(connectionId);
  }

  /**
   * The hub of a connection used in this window, able to read now: the active one, or another one bound to a
   * background copy of its connection. Undefined when it was never used or no background copy can be had.
   */
  async following(connectionId: string): Promise<SessionHub | undefined> {
    const hub = this.hubs.get(connectionId);
    if (!hub) return undefined;
    if (this.isActive(connectionId)) return this.active();
    const connection = await this.connections.background(connectionId);
    if (!connection) return undefined;
    hub.rebind(connection);
    return hub;
  }

  /** Nothing more to follow on this connection: its background copy (if it is not the active one) closes. */
  async release(connectionId: string): Promise<void> {
    if (!this.isActive(connectionId)) await this.connections.closeBackground(connectionId);
  }

  /** The id of the active connection (never connects). */
  get activeConnectionId(): string {
    return this.connections.activeId;
  }

  /** True while this connection is the active one (panels of other connections stop polling). */
  isActive(connectionId: string): boolean {
    return this.connections.activeId === connectionId;
  }

  dispose(): void {
    this.reconnected.dispose();
    this.changed.dispose();
    this.hubs.clear();
  }
}
