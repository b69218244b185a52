// Injected faults for testing clients: throttling (429 + Retry-After), 503, added latency (optionally with a
// seeded ± jitter, so a latency benchmark sees Graph-like spread), a reset connection and a truncated body. A rule applies to the next N matching requests and/or a fraction of them chosen by a
// seeded PRNG (so a run is reproducible), optionally only for a path prefix and/or a method.
// Faults never apply to /_emulator itself, so tests can always reach the controls.
import { randomUUID } from 'node:crypto';
import { ownEntry } from '../../backup/model/lookup';
import { seededRandom } from '../catalog/hash';
import { badRequest, EmulatorError } from '../errors';
import type { Json } from './validate';
import { isObject, rejectUnknown } from './validate';

export type FaultKind = 'throttle' | 'unavailable' | 'latency' | 'reset' | 'truncate';

export interface FaultRule {
  id: string;
  kind: FaultKind;
  /** How many more requests it may hit; undefined means unlimited (with a fraction). */
  remaining?: number;
  fraction?: number;
  pathPrefix?: string;
  method?: string;
  retryAfterSeconds: number;
  latencyMs: number;
  /** A latency fault waits latencyMs ± up to this much, drawn from the rule's seeded PRNG. */
  jitterMs: number;
  seed: number;
}

const KIND_ALIASES: Record<string, FaultKind> = {
  throttle: 'throttle', '429': 'throttle', unavailable: 'unavailable', '503': 'unavailable', latency: 'latency', reset: 'reset', truncate: 'truncate',
};

const BATCH_KINDS = new Set<FaultKind>(['throttle', 'unavailable', 'latency']);

/** The Graph answer of a throttle (429) or unavailable (503) fault, with its Retry-After. */
export function faultError(fault: FaultRule): EmulatorError {
  const throttle = fault.kind === 'throttle';
  return new EmulatorError(
    throttle ? 429 : 503,
    throttle ? 'TooManyRequests' : 'ServiceUnavailable',
    throttle ? 'Please retry again later.' : 'The service is temporarily unavailable. Please retry later.',
    { 'Retry-After': String(fault.retryAfterSeconds) },
  );
}

export class FaultInjector {
  private rules: { rule: FaultRule; random: () => number }[] = [];

  add(body: unknown): FaultRule {
    if (!isObject(body)) throw badRequest('BadRequest', 'A fault is a JSON object: { "kind": "throttle|unavailable|latency|reset|truncate", "count"?, "fraction"?, "pathPrefix"?, "method"?, "retryAfterSeconds"?, "latencyMs"?, "jitterMs"?, "seed"? }.');
    rejectUnknown(body, ['kind', 'count', 'fraction', 'pathPrefix', 'method', 'retryAfterSeconds', 'latencyMs', 'jitterMs', 'seed'], 'a fault');
    const kind = ownEntry(KIND_ALIASES, String(body.kind));
    if (!kind) throw badRequest('BadRequest', `Unknown fault kind ${JSON.stringify(body.kind)}; use throttle (429), unavailable (503), latency, reset or truncate.`);
    const count = numberField(body, 'count', 1, Number.MAX_SAFE_INTEGER, true);
    const fraction = numberField(body, 'fraction', 0, 1, false);
    const rule: FaultRule = {
      id: randomUUID(),
      kind,
      remaining: count ?? (fraction === undefined ? 1 : undefined),
      fraction,
      pathPrefix: typeof body.pathPrefix === 'string' ? body.pathPrefix.toLowerCase() : undefined,
      method: typeof body.method === 'string' ? body.method.toUpperCase() : undefined,
      retryAfterSeconds: numberField(body, 'retryAfterSeconds', 0, 3600, false) ?? 1,
      latencyMs: numberField(body, 'latencyMs', 0, 60_000, true) ?? 200,
      jitterMs: numberField(body, 'jitterMs', 0, 60_000, true) ?? 0,
      seed: numberField(body, 'seed', 0, 2 ** 32 - 1, true) ?? 1,
    };
    this.rules.push({ rule, random: seededRandom(rule.seed) });
    return rule;
  }

  /** How long this use of a latency rule waits: latencyMs ± jitterMs (never below 0). */
  delayOf(rule: FaultRule): number {
    const entry = this.rules.find((r) => r.rule === rule);
    if (!entry || rule.jitterMs === 0) return rule.latencyMs;
    return Math.max(0, Math.round(rule.latencyMs + (entry.random() * 2 - 1) * rule.jitterMs));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /**
   * The fault for this request, if any; consumes one use of the rule. Inside a $batch only the faults a
   * sub-response can carry apply (throttle, 503, latency).
   */
  pick(method: string, path: string, options: { inBatch?: boolean } = {}): FaultRule | undefined {
    const lowerPath = path.toLowerCase();
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.remaining === 0) continue;
      if (options.inBatch && !BATCH_KINDS.has(rule.kind)) continue;
      if (rule.method && rule.method !== method) continue;
      if (rule.pathPrefix && !lowerPath.startsWith(rule.pathPrefix)) continue;
      if (rule.fraction !== undefined && entry.random() >= rule.fraction) continue;
      if (rule.remaining !== undefined) rule.remaining--;
      return rule;
    }
    return undefined;
  }
}

function numberField(body: Json, key: string, min: number, max: number, integer: boolean): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw badRequest('BadRequest', `The fault property '${key}' must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}.`);
  }
  return value;
}
