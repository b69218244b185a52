/** Public API of the Graph layer: HTTP + OData, nothing about backup. */

export {
  GraphClient,
  DEFAULT_SCOPES,
  DEFAULT_USER_AGENT,
  DEFAULT_VERSION,
  EXTENSION_NAME,
  PREFER_UNKNOWN_ENUMS,
  userAgentFor,
} from './client';
export { GraphError, isGraphError, redactUrl } from './errors';
export type { GraphErrorKind, GraphErrorInit } from './errors';
export { DEFAULT_RETRY, RETRYABLE_STATUSES, backoffDelay, decideRetry, isIdempotent, parseRetryAfter, resolveRetryPolicy } from './retry';
export type { RetryOptions, RetryPolicy, RetryDecision, FailureFacts } from './retry';
export { HttpTransport, TransportError, DEFAULT_TIMEOUT_MS } from './transport';
export type { HttpTransportOptions, TransportRequest, TransportResponse, TransportErrorKind } from './transport';
export { batchItemError, MAX_BATCH_SIZE } from './batch';
export { buildUrl, encodeQuery, resolveNextLink, sameOrigin } from './url';
export { MAX_PAGES } from './paging';
export type { QueryValue } from './url';
export type {
  BatchOptions,
  BatchRequestItem,
  BatchResponseItem,
  GraphClientOptions,
  GraphPage,
  GraphRequestOptions,
  GraphResponse,
  RequestLogEntry,
  TokenProvider,
} from './types';
