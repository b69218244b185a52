// Moves the protection state on with the clock: inclusion rules and bulk jobs resolve their names into units,
// requested unit changes take effect, and the catalog learns each unit's backup windows. Apart from the store so
// that the store does not depend on the rule and job logic that itself works on the store.
import { settleProtection } from './lifecycle';
import { settleJobs, settleRules } from './resolve';
import type { ProtectionStore } from './store';

/** Applies every change due at `nowMs`; true when something changed. */
export function settleProtectionStore(store: ProtectionStore, nowMs: number): boolean {
  const resolved = settleRules(store, nowMs) + settleJobs(store, nowMs);
  const changed = settleProtection(store.state, nowMs) || resolved > 0;
  store.syncAll();
  return changed;
}
