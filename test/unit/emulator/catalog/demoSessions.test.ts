import { strict as assert } from 'assert';
import {
  aggregateSessionStatus, countArtifacts, RESTORE_SESSION_STATUSES, type GranularMailboxRestoreArtifact,
  type GranularRestoreArtifactBase, type MailboxRestoreArtifact, type RestoreArtifactBase, type SiteRestoreArtifact,
} from '../../../../src/backup/model';
import { createCatalog, seedSessions } from '../../../../src/emulator/catalog';
import { stableGuid } from '../../../../src/emulator/catalog/hash';
import { DEMO_SESSIONS } from '../../../../src/emulator/catalog/sessionSpecs';
import type { SessionRecord } from '../../../../src/emulator/state';
import { catalog, DAY, GUID, NOW } from './fixtures';

const sessions = seedSessions(catalog, 'demo', NOW);
const statusesOf = (record: SessionRecord) => [...record.standard, ...record.granular].map((a) => a.status!);
const byName = (name: string) => sessions.find((s) => s.session.id === stableGuid(`session:${name}`))!;
const time = (value: string | null | undefined) => Date.parse(value ?? '');

describe('catalog: seeded restore sessions', () => {
  it('seeds about 30 sessions for demo and none for empty', () => {
    assert.ok(sessions.length >= 28 && sessions.length <= 35, `${sessions.length}`);
    assert.deepEqual(seedSessions(createCatalog('empty', NOW), 'empty', NOW), []);
  });

  it('matches each spec: the aggregation rule gives the intended status', () => {
    for (const spec of DEMO_SESSIONS) assert.equal(byName(spec.name).session.status, spec.expected, spec.name);
  });

  it('is consistent with the aggregation rule and the artifact counts', () => {
    for (const record of sessions) {
      const statuses = statusesOf(record);
      const status = record.session.status!;
      assert.equal(aggregateSessionStatus(statuses, status), status, record.session.id);
      assert.deepEqual(record.session.restoreSessionArtifactCount, countArtifacts(statuses), record.session.id);
    }
  });

  it('covers every status and every workload, and standard, bulk and granular jobs', () => {
    const statuses = new Set(sessions.map((s) => s.session.status));
    for (const status of RESTORE_SESSION_STATUSES.filter((s) => s !== 'unknownFutureValue')) assert.ok(statuses.has(status), status);
    for (const workload of ['exchange', 'sharePoint', 'oneDrive']) {
      const mine = sessions.filter((s) => s.workload === workload);
      assert.ok(mine.length >= 8, workload);
      assert.ok(mine.some((s) => s.session.restoreJobType === 'granular'), `${workload} granular`);
      assert.ok(mine.some((s) => s.session.restoreJobType === 'bulk'), `${workload} bulk`);
    }
  });

  it('has GUID ids, distinct ids, and newest-first creation over the last two months', () => {
    const ids = sessions.map((s) => s.session.id);
    assert.ok(ids.every((id) => GUID.test(id)));
    assert.equal(new Set(ids).size, ids.length);
    const created = sessions.map((s) => time(s.session.createdDateTime));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.ok(created.every((t) => t < NOW && t > NOW - 60 * DAY));
    const artifactIds = sessions.flatMap((s) => s.standard.map((a) => a.id));
    assert.ok(artifactIds.every((id) => GUID.test(id)));
  });

  it('sets completedDateTime and error exactly on terminal / failing sessions', () => {
    for (const { session } of sessions) {
      const terminal = ['completed', 'completedWithError', 'failed'].includes(session.status!);
      assert.equal(session.completedDateTime != null, terminal, session.id);
      assert.equal(session.error != null, session.status === 'failed' || session.status === 'completedWithError', session.id);
      if (terminal) assert.equal(session.lastModifiedDateTime, session.completedDateTime);
      assert.ok(time(session.lastModifiedDateTime) >= time(session.createdDateTime));
    }
  });

  it('gives running sessions an activation time and others none', () => {
    for (const record of sessions) {
      const running = record.session.status === 'activating' || record.session.status === 'active';
      assert.equal(record.activatedAtMs !== undefined, running, record.session.id);
      if (running) assert.ok(record.activatedAtMs! <= NOW && record.activatedAtMs! > time(record.session.createdDateTime));
    }
  });

  it('has artifact times, errors and restored locations that agree with their status', () => {
    for (const record of sessions) {
      for (const artifact of record.standard as (MailboxRestoreArtifact & SiteRestoreArtifact)[]) {
        const finished = artifact.status === 'succeeded' || artifact.status === 'failed';
        assert.equal(artifact.completionDateTime != null, finished);
        assert.equal(artifact.startDateTime != null, finished || artifact.status === 'inProgress');
        if (finished) assert.ok(time(artifact.completionDateTime) > time(artifact.startDateTime));
        assert.equal(artifact.error != null, artifact.status === 'failed');
        assert.ok(artifact.restorePoint?.id, 'restore point');
        assert.ok(time(artifact.restorePoint?.protectionDateTime) < time(record.session.createdDateTime));
        const succeeded = artifact.status === 'succeeded';
        if (record.workload === 'exchange') {
          assert.equal(artifact.restoredItemCount != null, succeeded);
          if (artifact.destinationType === 'new') assert.equal(artifact.restoredFolderName != null, succeeded);
        } else {
          assert.equal(artifact.restoredSiteWebUrl != null, succeeded);
        }
      }
    }
  });

  it('restores sites in place to the original site and to a new URL otherwise', () => {
    const inPlace = byName('sp-completed').standard[0] as SiteRestoreArtifact;
    assert.equal(inPlace.restoredSiteWebUrl, 'https://contoso.sharepoint.com/sites/HumanResources');
    assert.equal(inPlace.restoredSiteName, 'Human Resources');
    const toNew = byName('od-deleted-user').standard[0] as SiteRestoreArtifact;
    assert.match(toNew.restoredSiteWebUrl!, /^https:\/\/contoso-my\.sharepoint\.com\/personal\/irvins_contoso_onmicrosoft_com_restored_\d{8}$/);
    assert.notEqual(toNew.restoredSiteId, undefined);
  });

  it('refers to restore points the catalog still resolves (standard and bulk artifacts)', () => {
    for (const record of sessions) {
      for (const artifact of record.standard as RestoreArtifactBase[]) {
        assert.deepEqual(catalog.restorePoint(artifact.restorePoint!.id, NOW), artifact.restorePoint, artifact.id);
      }
    }
  });

  it('builds bulk sessions with one bulk request whose status follows activation and resolution', () => {
    const bulk = sessions.filter((s) => s.session.restoreJobType === 'bulk');
    assert.ok(bulk.length >= 4);
    for (const record of bulk) assert.equal(record.bulkRequests.length, 1);
    assert.equal(byName('ex-bulk-draft').bulkRequests[0].status, 'active');
    assert.equal(byName('ex-bulk-draft').standard.length, 0);
    assert.equal(byName('ex-bulk-sales').bulkRequests[0].status, 'completed');
    const withErrors = byName('ex-bulk-finance').bulkRequests[0];
    assert.equal(withErrors.status, 'completedWithErrors');
    assert.match(withErrors.error?.message ?? '', /kim\.akers@contoso\.onmicrosoft\.com/);
    assert.ok((withErrors as { mailboxes?: string[] }).mailboxes?.includes('kim.akers@contoso.onmicrosoft.com'));
    for (const record of sessions.filter((s) => s.session.restoreJobType !== 'bulk')) assert.equal(record.bulkRequests.length, 0);
  });

  it('builds granular mailbox artifacts from a resolvable search', () => {
    const [artifact] = byName('ex-granular-invoices').granular as GranularMailboxRestoreArtifact[];
    const search = catalog.searchResponse(artifact.searchResponseId);
    assert.ok(search);
    assert.equal(search.restorePointId, artifact.restorePoint?.id);
    assert.equal(artifact.restoredItemCount, search.hitCount, 'restores the items the query found');
  });

  it('builds granular file artifacts whose ids are browse item keys', () => {
    for (const name of ['sp-granular-finance', 'od-granular', 'sp-granular-draft']) {
      const record = byName(name);
      const unitId = record.workload === 'sharePoint'
        ? catalog.unitByResource('sharePoint', (record.granular[0] as unknown as { siteId: string }).siteId)!.id
        : catalog.unitByResource('oneDrive', (record.granular[0] as unknown as { directoryObjectId: string }).directoryObjectId)!.id;
      for (const artifact of record.granular as GranularRestoreArtifactBase[]) {
        const item = catalog.browseItem(unitId, artifact.id);
        assert.equal(item?.type, 'file', artifact.id);
        assert.equal(artifact.webUrl, item?.webUrl);
        assert.ok(artifact.browseSessionId);
        assert.equal(time(artifact.restorePointDateTime) % 3_600_000, 0, 'a fastRestore point');
        if (artifact.status === 'succeeded') assert.ok(artifact.restoredItemPath && artifact.restoredItemWebUrl);
        if (artifact.status === 'added') assert.equal(artifact.completionDateTime, '0001-01-01T00:00:00Z');
      }
    }
  });

  it('uses several different creators, including an app-only one', () => {
    const creators = new Set(sessions.map((s) => s.session.createdBy?.user?.displayName ?? s.session.createdBy?.application?.displayName));
    assert.ok(creators.has('Megan Bowen') && creators.has('Contoso Backup Automation') && creators.size >= 3);
  });

  it('is deterministic', () => {
    assert.deepEqual(seedSessions(createCatalog('demo', NOW), 'demo', NOW), sessions);
  });
});
