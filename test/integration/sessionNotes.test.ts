// What the window noted when it made a session, shown where the service cannot show it, in the real host
// against the launcher's emulator: a bulk draft's row counts the rows sent ("2 rows to resolve") instead of an
// empty artifact count, its details panel lists the rows the service did not resolve in words, and a granular
// mail restore reads as its query and match count in the tree and the panel.
import * as assert from 'assert';
import type { ProtectionUnit, RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import { bulkCsvDraft, type BulkCsvPrompts } from '../../src/extension/commands/bulkCsvFlow';
import type { ExtensionApi } from '../../src/extension/extension';
import type { ArtifactNode, BulkRequestNode, Node } from '../../src/extension/tree/nodes';
import { graph, openPanel, testApi, until } from './helpers';

const exchange = WORKLOADS.find((w) => w.id === 'exchange')!;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function protectedMailboxes(): Promise<(ProtectionUnit & { email: string; displayName: string })[]> {
  const { value } = await graph<{ value: (ProtectionUnit & { email?: string; displayName?: string })[] }>('mailboxProtectionUnits?$top=999');
  return value.filter((u): u is ProtectionUnit & { email: string; displayName: string } => u.status === 'protected' && !!u.email && !!u.displayName);
}

/** The session's row and its children, once the tree shows it. */
async function sessionRow(ext: ExtensionApi, session: RestoreSession): Promise<{ label: string; description: string; children: Node[] }> {
  const [connection] = await ext.tree.getChildren();
  await ext.tree.getChildren(connection);
  const node = await until('the session row', () => ext.tree.locate(exchange, session.id));
  const item = await ext.tree.getTreeItem(node);
  return { label: String(item.label), description: String(item.description), children: await ext.tree.getChildren(node) };
}

describe('session notes: what the service does not give back, shown', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  const made: string[] = [];

  before(async () => {
    ext = await testApi();
  });

  after(async () => {
    for (const panel of ext.details.all()) panel.dispose();
    for (const id of made) await graph(`${exchange.sessionCollection}/${id}`, { method: 'DELETE' }).catch(() => undefined);
  });

  it('a bulk draft from CSV counts its rows in the tree and the panel instead of an empty artifact count', async () => {
    const hub = await ext.hubs.active();
    const [a, b] = await protectedMailboxes();
    const prompts: BulkCsvPrompts = {
      formatHelp: async () => true,
      chooseFile: async () => ({ name: 'people.csv', text: ['UPN', a.email, b.email].join('\n') }),
      preview: async () => true,
      destination: async () => 'new',
      days: async () => 14,
    };
    const draft = await bulkCsvDraft(hub, exchange, prompts, Date.now());
    assert.ok(draft, 'the draft was created');
    made.push(draft.session.id);

    const row = await sessionRow(ext, draft.session);
    assert.match(row.description, /^Draft · 2 rows to resolve · /, `the row counts the rows sent: ${row.description}`);
    const bulk = row.children.find((n): n is BulkRequestNode => n.kind === 'bulkRequest');
    assert.ok(bulk, 'the bulk request is a child of the row');
    assert.match(String((await ext.tree.getTreeItem(bulk)).description), /^Waiting for activation · 2 rows to resolve · /);

    const panel = await openPanel(ext, draft.session.id);
    const snapshot = await until('the bulk rows in the panel', () => (panel.lastSnapshot?.bulk?.rowsSent ? panel.lastSnapshot : undefined));
    assert.strictEqual(snapshot.bulk?.rowsSent, 2);
    assert.deepStrictEqual(snapshot.bulk?.unresolved, []);
    panel.dispose();
  });

  it('after activation the panel lists the rows the service did not resolve, in words', async () => {
    const hub = await ext.hubs.active();
    const [a] = await protectedMailboxes();
    const typo = a.email.replace('@', '.old@');
    // A row found in the preview that the service then cannot resolve (as when a mailbox is offboarded meanwhile).
    const { body: session } = await hub.api.sessions.create(exchange);
    made.push(session.id);
    await hub.api.artifacts.createBulkRequest(exchange, session.id, {
      displayName: 'people.csv: 2 mailboxes', destinationType: 'new', restorePointPreference: 'latest',
      protectionTimePeriod: { endDateTime: new Date().toISOString() }, resources: [a.email, typo], resourceIds: [],
    });
    hub.notes.rememberBulkRows(session.id, [
      { line: 2, value: a.email, name: a.displayName, unitId: a.id },
      { line: 3, value: typo, name: a.displayName, unitId: 'offboarded-meanwhile' },
    ]);
    await hub.api.sessions.activate(session.id);

    const panel = await openPanel(ext, session.id);
    const snapshot = await until('the unresolved rows', () => (panel.lastSnapshot?.bulk?.unresolved.length ? panel.lastSnapshot : undefined), 30_000);
    assert.deepStrictEqual(snapshot.bulk?.unresolved, [`${typo} — not a protected mailbox (ProtectionUnitNotFound)`]);
    assert.strictEqual(snapshot.bulk?.rowsSent, 2);
    panel.dispose();
  });

  it('a granular mail restore reads as its query and match count in the tree and the panel', async () => {
    const hub = await ext.hubs.active();
    const [a] = await protectedMailboxes();
    const expression = "(Subject -like '*invoice*')";
    const search = await hub.api.tenant.search({
      protectionUnitIds: [a.id], protectionTimePeriod: { endDateTime: new Date().toISOString() }, restorePointPreference: 'latest',
      artifactQuery: { artifactType: 'message', queryExpression: expression },
    });
    const result = search.searchResults?.[0];
    assert.ok(search.searchResponseId && result?.restorePoint?.id, 'the search found a point');
    const hits = result.artifactHitCount ?? 0;
    const { body: session } = await hub.api.sessions.create(exchange, { granular: [{ restorePointId: result.restorePoint.id, destinationType: 'new', searchResponseId: search.searchResponseId }] });
    made.push(session.id);
    // What Create Granular Mailbox Restore notes, then announces.
    hub.notes.rememberQuery({ sessionId: session.id, searchResponseId: search.searchResponseId, mailbox: a.displayName, expression, description: "Mail with 'invoice' in the subject", hitCount: hits });
    hub.created(exchange, session);

    const row = await until('the row named by its query', async () => {
      const shown = await sessionRow(ext, session);
      return shown.label.startsWith("Mail with 'invoice' in the subject") ? shown : undefined;
    });
    assert.strictEqual(row.label, `Mail with 'invoice' in the subject in ${a.displayName}`);
    const artifact = row.children.find((n): n is ArtifactNode => n.kind === 'artifact');
    assert.ok(artifact, 'the granular artifact is a child of the row');
    const item = await ext.tree.getTreeItem(artifact);
    assert.strictEqual(String(item.label), `Mail with 'invoice' in the subject in ${a.displayName}`);
    assert.ok(String(item.description).startsWith(`${hits.toLocaleString('en-US')} matching item`), `the count: ${String(item.description)}`);
    assert.doesNotMatch(`${String(item.label)} ${String(item.description)}`, GUID);

    const panel = await openPanel(ext, session.id);
    const snapshot = await until('the query in the panel', () => (panel.lastSnapshot?.granular ? panel.lastSnapshot : undefined));
    assert.deepStrictEqual(snapshot.granular, { query: expression, queryWords: "Mail with 'invoice' in the subject", matchCount: hits });
    assert.strictEqual(snapshot.header.sessionName, `Mail with 'invoice' in the subject in ${a.displayName}`);
    panel.dispose();
  });
});
