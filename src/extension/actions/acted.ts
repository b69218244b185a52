// What the admin did, announced once per action outcome (activated, deleted, retried, changed), so the log
// can record it in words with the session's name and units. Each action reports its own outcome with one
// call; listeners never change the outcome. Free of `vscode`.
import type { Workload } from '../../backup/model';
import type { ActionDeps, SessionTarget } from './deps';
import type { ActionOutcome } from './outcome';

export type ActVerb = 'activated' | 'deleted' | 'retried' | 'changed';

export interface ActEvent {
  verb: ActVerb;
  connectionId: string;
  workload: Workload;
  target: SessionTarget;
  outcome: ActionOutcome<unknown>;
}

const listeners = new Set<(event: ActEvent) => void>();

export function onDidAct(listener: (event: ActEvent) => void): { dispose(): void } {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}

/** Announces an action's outcome and hands it back unchanged. */
export function reportAct<T>(verb: ActVerb, deps: ActionDeps, target: SessionTarget, outcome: ActionOutcome<T>): ActionOutcome<T> {
  const event: ActEvent = { verb, connectionId: deps.hub.connectionId, workload: target.workload, target, outcome };
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      // A failing recorder must not change what the action did.
    }
  }
  return outcome;
}
