// Turns any failure into words for a person: a one-line summary and a detail that names the request-id,
// so a support case can be traced. Never includes headers or tokens.
import { GraphError } from '../graph';

export function describeError(error: unknown): { summary: string; detail: string; requestId?: string } {
  if (error instanceof GraphError) {
    const summary = error.code ? `${error.code}: ${error.message}` : error.message;
    // The Graph layer already writes the one line that names the request, its ids and date.
    return { summary, detail: error.describe(), requestId: error.requestId };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { summary: message, detail: message };
}
