// Shared fixtures: one catalog anchored at a fixed instant, so every test sees the same tenant.
import type { ProtectionUnit, WorkloadId } from '../../../../src/backup/model';
import { createCatalog } from '../../../../src/emulator/catalog';
import type { SeededCatalog } from '../../../../src/emulator/catalog/catalog';

/** A Sunday night, a few minutes before midnight UTC: the weekly grid (Sundays 02:30) is a day behind. */
export const NOW = Date.parse('2026-11-22T23:55:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const catalog = createCatalog('demo', NOW) as SeededCatalog;

/** The unit a seed key names (alias for mailboxes and OneDrives, URL segment for sites). */
export function unitOf(workload: WorkloadId, key: string): ProtectionUnit {
  const record = catalog.tenant.records.find((r) => r.workload === workload && r.key === key);
  if (!record) throw new Error(`no ${workload} unit ${key}`);
  return record.unit;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
