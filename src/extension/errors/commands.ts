// Next steps as VS Code commands: what a tree error node runs when clicked and what a toast's button runs.
import type { NextStep } from './classify';
import { STEP_LABELS } from './classify';

export interface StepCommand {
  command: string;
  title: string;
  arguments?: unknown[];
}

/** The command of a next step; Retry runs `retry` (the caller's own retry) when given. */
export function stepCommand(step: NextStep, retry?: StepCommand): StepCommand {
  const title = STEP_LABELS[step.kind];
  switch (step.kind) {
    case 'retry': return retry ?? { command: 'restoreSessions.refresh', title };
    case 'signIn': return { command: 'restoreSessions.signIn', title };
    case 'checkPermissions': return { command: 'restoreSessions.checkPermissions', title, arguments: [step.args] };
    case 'startEmulator': return { command: 'restoreSessions.startEmulator', title };
    case 'showLog': return { command: 'restoreSessions.showLog', title };
  }
}
