// Reading a request body: refuse early when it is over the limit (by Content-Length, or as soon as the
// stream passes it), decode strictly as UTF-8, and parse JSON. Each failure is a Graph error, never a crash.
import type { IncomingMessage } from 'node:http';
import { LIMITS } from '../../backup/model';
import { badRequest, EmulatorError } from '../errors';

export class BodyTooLarge extends EmulatorError {
  constructor() {
    super(413, 'RequestEntityTooLarge', `The request body is larger than ${LIMITS.maxRequestBodyBytes} bytes.`);
  }
}

export function readBody(req: IncomingMessage, limit = LIMITS.maxRequestBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        // Stop buffering at once; the pipeline answers 413 and closes the connection.
        req.pause();
        finish(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish());
    req.on('error', (err) => finish(badRequest('BadRequest', `The request body could not be read: ${err.message}.`)));
    // The client went away mid-body: a client error, not a handler failure (nothing to log, nobody to answer).
    req.on('aborted', () => finish(badRequest('BadRequest', 'The client closed the connection before the whole body arrived.')));
  });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The JSON value of `raw`, or undefined for an empty body. */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  // A body must say it is JSON: a web page can send text/plain or a form without asking first (no preflight),
  // never application/json.
  const isJson = contentType !== undefined && /^\s*application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(contentType);
  if (raw.length > 0 && !isJson) {
    throw new EmulatorError(415, 'UnsupportedMediaType', `The content type '${contentType ?? 'none'}' is not supported; send the body as application/json.`);
  }
  if (raw.length === 0) return undefined;
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    throw badRequest('BadRequest', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = err instanceof RangeError ? 'it is nested too deeply' : (err as Error).message;
    throw badRequest('BadRequest', `The request body is not valid JSON: ${reason}.`);
  }
}
