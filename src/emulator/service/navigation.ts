// Single-valued navigation properties of the v1.0 CSDL that Microsoft's SDKs (generated from the metadata) call,
// although no doc page lists them: a restore point's `protectionUnit` and a standard artifact's `restorePoint`.
// Both answer what the emulated `$expand` / inline property already holds, under the entity's own context URL.
import type { Workload } from '../../backup/model';
import { notFound } from '../errors';
import { getArtifact } from './artifactLists';
import type { Reply, RequestContext } from './context';
import { ok } from './context';
import type { EmulatorCore } from './core';
import { contextUrl } from './odata';
import { allowOptions } from './queryOptions';
import { getRestorePoint } from './tenant';

/** The same request with only the options the emulator itself needs, honoured whatever the profile. */
function internal(ctx: RequestContext, options: [string, string][] = []): RequestContext {
  return { ...ctx, query: new Map(options), undocumentedOptions: 'honour', warnings: [] };
}

export function getRestorePointUnit(core: EmulatorCore, ctx: RequestContext, pointId: string): Reply {
  allowOptions(ctx, 'navigation', 'a navigation property');
  const point = getRestorePoint(core, internal(ctx, [['$expand', 'protectionUnit']]), pointId).body as { id: string; protectionUnit?: Record<string, unknown> };
  if (!point.protectionUnit) throw notFound('itemNotFound', `The protection unit of restore point '${pointId}' no longer exists.`);
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/restorePoints('${point.id}')/protectionUnit/$entity`), ...point.protectionUnit });
}

export function getArtifactRestorePoint(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string, artifactId: string): Reply {
  allowOptions(ctx, 'navigation', 'a navigation property');
  const artifact = getArtifact(core, internal(ctx), w, sessionId, 'standard', artifactId).body as { restorePoint?: { id?: string } };
  const pointId = artifact.restorePoint?.id;
  if (!pointId) throw notFound('itemNotFound', `Restore artifact '${artifactId}' has no restore point.`);
  const reply = getRestorePoint(core, internal(ctx), pointId);
  const { '@odata.context': _context, ...point } = reply.body as Record<string, unknown>;
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.sessionCollection}('${sessionId}')/${w.standardArtifacts.nav}('${artifactId}')/restorePoint/$entity`), ...point });
}
