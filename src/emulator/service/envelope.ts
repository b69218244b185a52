// The Graph error envelope. Every failure, whatever its origin (validation, routing, a handler bug, an
// injected fault), leaves the emulator in this shape so clients exercise one error path.
import { EmulatorError } from '../errors';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    innerError: Record<string, string>;
  };
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId: string | undefined, nowMs: number, extra: Record<string, string> = {}): ErrorBody {
  const innerError: Record<string, string> = { ...extra, date: new Date(nowMs).toISOString().slice(0, 19), 'request-id': requestId };
  if (clientRequestId) innerError['client-request-id'] = clientRequestId;
  return { error: { code, message, innerError } };
}

/** Any thrown value as an EmulatorError; unexpected exceptions become a 500 without leaking a stack. */
export function asEmulatorError(err: unknown): EmulatorError {
  if (err instanceof EmulatorError) return err;
  return new EmulatorError(500, 'InternalServerError', 'The emulator hit an unexpected error while handling this request; it keeps serving.');
}
