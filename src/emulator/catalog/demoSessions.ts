import type { SessionRecord } from '../state';
import type { Catalog } from './types';

export function buildDemoSessions(_catalog: Catalog, _nowMs: number): SessionRecord[] {
  return [];
}
