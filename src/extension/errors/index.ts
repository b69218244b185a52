// The error classifier and its next steps as commands.
export { classifyError, summaryWithRequestId, STEP_LABELS, type ClassifiedError, type ErrorKind, type NextStep } from './classify';
export { stepCommand, type StepCommand } from './commands';
