// What a details panel shows of a session, built from a read through the session hub: the session, its
// contents and the metadata of each response (for the payload section's "GET … → 200, request-id …").
import type { ReadResponse, SessionRead } from '../../backup/api';
import type { ResponseInfo } from '../../protocol/details';
import type { Loaded } from './snapshot';

export function loadedFromRead(read: SessionRead): Loaded {
  const contents = read.contents;
  return {
    session: read.session,
    sessionResponse: responseInfo(read.response),
    standard: contents?.standard ?? [],
    standardResponse: responseInfo(contents?.responses.standard),
    granular: contents?.granular ?? [],
    granularResponse: responseInfo(contents?.responses.granular),
    bulk: contents?.bulkRequests ?? [],
    bulkResponse: responseInfo(contents?.responses.bulkRequests),
    exists: true,
    lastUpdated: new Date().toISOString(),
  };
}

/** The service answered 404: the session is gone; what was shown stays, marked as gone. */
export function goneLoaded(previous: Loaded): Loaded {
  return { ...previous, exists: false, error: undefined, lastUpdated: new Date().toISOString() };
}

function responseInfo(read: ReadResponse): ResponseInfo;
function responseInfo(read: ReadResponse | undefined): ResponseInfo | undefined;
function responseInfo(read: ReadResponse | undefined): ResponseInfo | undefined {
  if (!read) return undefined;
  const { response } = read;
  return {
    method: read.method, path: read.path, status: response.status, requestId: response.requestId, clientRequestId: response.clientRequestId,
    date: response.date, durationMs: response.durationMs,
  };
}
