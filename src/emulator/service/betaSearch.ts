// The beta form of `POST /beta/solutions/backupRestore/restorePoints/search`, turned into the v1.0 request the
// catalog answers (beta-backup-csdl.xml; graph-backup-api.md §1.7 and §8, "search"):
// - `policyId` (beta, Sept 2026): the policy the units are searched in. It must exist (400 InvalidPolicyId, the
//   documented code for a bad policy id) and hold every unit asked for (400 InvalidProtectionUnitId otherwise:
//   emulator choice, the docs do not say what Graph answers);
// - `tags` may name `includeNewerItems`: the point chosen is the same one (the emulator's points hold no items
//   that could be newer), so the flag leaves the choice to the other tags; the caller is told it was asked for,
//   and tenant.ts tags the points found (inferred: graph-backup-api.md §2.3, "restore point in the window that also
//   includes items created later in that window");
// - `artifactQuery.structuredQueryExpression` (restoreSearchArtifactQueryExpression): senders, recipients,
//   subjects, hasAttachment and items, written as the clauses of a v1.0 `queryExpression` (ANDed with one sent
//   beside it), so the hit count and the searchResponseId follow the same rules on both versions.
// v1.0 requests never come here: there each of these is refused as today.
import { badRequest } from '../errors';
import { flagMembers, INCLUDE_NEWER_ITEMS_TAG } from '../../backup/model';
import type { EmulatorCore } from './core';
import { rejectUnknown } from './validate';

const GRANULAR_RESTORE_ITEMS = ['email', 'calendar', 'contact', 'task', 'note'];
const STRUCTURED_KEYS = ['hasAttachment', 'items', 'recipients', 'senders', 'subjects'];
const invalid = (message: string) => badRequest('InvalidSearchRequest', message);
const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Rewrites a beta search body in place into its v1.0 equivalent, or throws the beta answer's 400. Answers
 * whether the tags asked for points that include newer items.
 */
export function adaptBetaSearch(core: EmulatorCore, body: Record<string, unknown>): { includeNewerItems: boolean } {
  if ('policyId' in body) {
    checkPolicy(core, body.policyId, body.protectionUnitIds);
    delete body.policyId;
  }
  const asked = flagMembers(body.tags);
  const includeNewerItems = asked.includes(INCLUDE_NEWER_ITEMS_TAG);
  if (includeNewerItems) {
    const others = asked.filter((t) => t !== INCLUDE_NEWER_ITEMS_TAG);
    body.tags = others.length ? others.join(',') : 'none';
  }
  const query = body.artifactQuery;
  if (query && typeof query === 'object' && 'structuredQueryExpression' in query) {
    const { structuredQueryExpression, ...rest } = query as Record<string, unknown>;
    const clauses = structuredClauses(structuredQueryExpression);
    if (typeof rest.queryExpression === 'string' && rest.queryExpression.trim() !== '') clauses.unshift(rest.queryExpression.trim());
    body.artifactQuery = { ...rest, queryExpression: clauses.join(' -and ') };
  }
  return { includeNewerItems };
}

function checkPolicy(core: EmulatorCore, policyId: unknown, unitIds: unknown): void {
  if (typeof policyId !== 'string' || policyId.trim() === '') throw badRequest('InvalidPolicyId', "'policyId' must be the id of a protection policy.");
  const policy = core.catalog.policies().find((p) => p.id === policyId);
  if (!policy) throw badRequest('InvalidPolicyId', `The policy id '${policyId}' is not valid or does not exist.`);
  for (const id of Array.isArray(unitIds) ? unitIds : []) {
    const unit = typeof id === 'string' ? core.catalog.unit(id) : undefined;
    if (unit && unit.policyId !== policyId) {
      throw badRequest('InvalidProtectionUnitId', `The protection unit '${id}' is not protected by the policy '${policy.displayName ?? policyId}'.`);
    }
  }
}

function structuredClauses(expression: unknown): string[] {
  if (!expression || typeof expression !== 'object' || Array.isArray(expression)) {
    throw invalid('artifactQuery.structuredQueryExpression must be an object with senders, recipients, subjects, hasAttachment or items.');
  }
  const e = expression as Record<string, unknown>;
  rejectUnknown(e, STRUCTURED_KEYS, 'artifactQuery.structuredQueryExpression');
  const clauses: string[] = [];
  const anyOf = (field: string, property: string, clause: (value: string) => string): void => {
    const values = e[field];
    if (values === undefined || values === null) return;
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' && v.trim() !== '')) {
      throw invalid(`artifactQuery.structuredQueryExpression.${field} must be a non-empty array of ${property === 'Subject' ? 'texts' : 'email addresses'}.`);
    }
    const parts = (values as string[]).map(clause);
    clauses.push(parts.length === 1 ? parts[0] : `(${parts.join(' -or ')})`);
  };
  anyOf('senders', 'Sender', (v) => `(Sender -eq ${quoted(v)})`);
  anyOf('recipients', 'Recipients', (v) => `(Recipients -eq ${quoted(v)})`);
  anyOf('subjects', 'Subject', (v) => `(Subject -like ${quoted(`*${v}*`)})`);
  if (e.hasAttachment !== undefined && e.hasAttachment !== null) {
    if (typeof e.hasAttachment !== 'boolean') throw invalid('artifactQuery.structuredQueryExpression.hasAttachment must be true or false.');
    clauses.push(`(HasAttachment -eq '${e.hasAttachment}')`);
  }
  if (e.items !== undefined && e.items !== null) {
    const items = e.items;
    if (!Array.isArray(items) || items.length === 0 || !items.every((i) => GRANULAR_RESTORE_ITEMS.includes(i as string))) {
      throw invalid(`artifactQuery.structuredQueryExpression.items must list item kinds among ${GRANULAR_RESTORE_ITEMS.join(', ')}.`);
    }
    clauses.push(`(ItemType -in (${items.map((i) => quoted(i as string)).join(', ')}))`);
  }
  if (clauses.length === 0) throw invalid('artifactQuery.structuredQueryExpression needs at least one of senders, recipients, subjects, hasAttachment or items.');
  return clauses;
}
