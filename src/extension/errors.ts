// Turns any failure into words for a person: a one-line summary and a detail that names the request-id,
// so a support case can be traced. Never includes headers or tokens.
import { GraphError } from '../graph';

export function describeError(error: unknown): { summary: string; detail: string; requestId?: string } {
  if (error instanceof GraphError) {
    const summary = error.code ? `${error.code}: ${error.message}` : error.message;
    const ids = [error.requestId && `request-id ${error.requestId}`, error.clientRequestId && `client-request-id ${error.clientRequestId}`, error.date && `date ${error.date}`]
      .filter(Boolean)
      .join(', ');
    return { summary, detail: ids ? `${summary} (${ids})` : summary, requestId: error.requestId };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { summary: message, detail: message };
}
