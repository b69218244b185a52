// An error the emulator answers with the Graph error envelope. Thrown anywhere in a handler; the server
// turns it into `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, such as `Retry-After` or `WWW-Authenticate`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

export const badRequest = (code: string, message: string) => new EmulatorError(400, code, message);
export const notFound = (code: string, message: string) => new EmulatorError(404, code, message);
export const forbidden = (code: string, message: string) => new EmulatorError(403, code, message);
