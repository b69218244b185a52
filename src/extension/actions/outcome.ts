// What a session action reports back: done (with a sentence for a person), cancelled (someone said no to a
// confirmation or an action was already running) or failed (with the classified error). Commands turn a
// failure into the wrapper's toast by rethrowing `cause`; panels show `error.summary` with its request-id.
import { classifyError, type ClassifiedError } from '../errors';

export type ActionOutcome<T = undefined> =
  | { kind: 'done'; value: T; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'failed'; error: ClassifiedError; cause: unknown };

export const done = <T>(value: T, message: string): ActionOutcome<T> => ({ kind: 'done', value, message });
export const cancelled = (message: string): { kind: 'cancelled'; message: string } => ({ kind: 'cancelled', message });

/** Runs an action body; anything it throws becomes a `failed` outcome. */
export async function outcomeOf<T>(body: () => Promise<ActionOutcome<T>>): Promise<ActionOutcome<T>> {
  try {
    return await body();
  } catch (cause) {
    return { kind: 'failed', error: classifyError(cause), cause };
  }
}

/** For commands: the value when done, undefined when cancelled, the original error thrown when failed. */
export function valueOrThrow<T>(outcome: ActionOutcome<T>): T | undefined {
  if (outcome.kind === 'failed') throw outcome.cause;
  return outcome.kind === 'done' ? outcome.value : undefined;
}
