import { strict as assert } from 'assert';
import { DEFAULT_RETRY, backoffDelay, decideRetry, isIdempotent, parseRetryAfter, resolveRetryPolicy } from '../../../src/graph/retry';

describe('graph/retry', () => {
  describe('parseRetryAfter', () => {
    it('reads whole and fractional seconds (Graph sends e.g. 2.128)', () => {
      assert.equal(parseRetryAfter('3'), 3000);
      assert.equal(parseRetryAfter('2.128'), 2128);
      assert.equal(parseRetryAfter(' 0.5 '), 500);
      assert.equal(parseRetryAfter('0'), 0);
    });

    it('reads an HTTP date relative to now, and a past date as 0', () => {
      const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
      assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', now), 5000);
      assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now), 0);
    });

    it('ignores absent, empty, negative and garbage values', () => {
      for (const v of [undefined, null, '', '  ', '-5', 'soon', '1e3', '5s']) {
        assert.equal(parseRetryAfter(v), undefined, String(v));
      }
    });
  });

  describe('isIdempotent', () => {
    it('uses the method default unless overridden', () => {
      for (const m of ['GET', 'get', 'HEAD', 'PUT', 'DELETE']) {
        assert.equal(isIdempotent(m), true, m);
      }
      assert.equal(isIdempotent('POST'), false);
      assert.equal(isIdempotent('PATCH'), false);
      assert.equal(isIdempotent('POST', true), true);
      assert.equal(isIdempotent('GET', false), false);
    });
  });

  describe('backoffDelay', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    it('grows exponentially with jitter in [ceiling/2, ceiling]', () => {
      assert.equal(backoffDelay(1, policy, () => 0), 50);
      assert.equal(backoffDelay(1, policy, () => 1), 100);
      assert.equal(backoffDelay(2, policy, () => 1), 200);
      assert.equal(backoffDelay(3, policy, () => 0.5), 300);
    });
    it('is capped by maxDelayMs', () => {
      assert.equal(backoffDelay(10, policy, () => 1), 1000);
      assert.equal(backoffDelay(100, policy, () => 1), 1000);
    });
  });

  describe('decideRetry', () => {
    const policy = resolveRetryPolicy({ maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, maxTotalMs: 5000 });
    const base = { attempt: 1, elapsedMs: 0, idempotent: true, kind: 'http' as const, status: 429 };

    it('retries 429/503/504 on idempotent requests, honouring Retry-After', () => {
      assert.deepEqual(decideRetry({ ...base, retryAfterMs: 1234 }, policy), { retry: true, delayMs: 1234 });
      for (const status of [503, 504]) {
        const d = decideRetry({ ...base, status }, policy, () => 1);
        assert.deepEqual(d, { retry: true, delayMs: 10 });
      }
    });

    it('retries a throttled non-idempotent write only after Retry-After', () => {
      assert.deepEqual(decideRetry({ ...base, idempotent: false, retryAfterMs: 50 }, policy), { retry: true, delayMs: 50 });
      assert.equal(decideRetry({ ...base, idempotent: false }, policy).retry, false);
      assert.equal(decideRetry({ ...base, idempotent: false, status: 503, retryAfterMs: 50 }, policy).retry, false);
    });

    it('never retries non-idempotent requests, cancellation, or other statuses', () => {
      assert.equal(decideRetry({ ...base, idempotent: false }, policy).retry, false);
      assert.equal(decideRetry({ ...base, kind: 'network', status: 0, idempotent: false }, policy).retry, false);
      assert.equal(decideRetry({ ...base, kind: 'aborted', status: 0 }, policy).retry, false);
      for (const status of [400, 401, 403, 404, 409, 500, 502]) {
        assert.equal(decideRetry({ ...base, status }, policy).retry, false, String(status));
      }
    });

    it('retries network errors, timeouts and unparseable bodies when idempotent', () => {
      for (const kind of ['network', 'timeout', 'parse'] as const) {
        assert.equal(decideRetry({ ...base, kind, status: 0 }, policy).retry, true, kind);
      }
    });

    it('stops at maxAttempts and when the wait would exceed the total budget', () => {
      assert.equal(decideRetry({ ...base, attempt: 3 }, policy).retry, false);
      assert.equal(decideRetry({ ...base, retryAfterMs: 6000 }, policy).retry, false);
      assert.equal(decideRetry({ ...base, elapsedMs: 4990, retryAfterMs: 20 }, policy).retry, false);
    });

    it('has sane defaults and clamps options', () => {
      assert.deepEqual(resolveRetryPolicy(), DEFAULT_RETRY);
      assert.equal(resolveRetryPolicy({ maxAttempts: 0 }).maxAttempts, 1);
      assert.equal(resolveRetryPolicy({ baseDelayMs: -1 }).baseDelayMs, 0);
    });
  });
});
