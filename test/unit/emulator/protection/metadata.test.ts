// Every v1.0 backupRestore collection and bound action of the metadata the emulator serves answers on a default
// emulator: the test reads GET /v1.0/$metadata, walks backupRestoreRoot's navigation properties, the policies'
// navigations and every bound action, and calls each on a real entity of the demo seed. None may answer 404,
// 405 or 501 (a 400 for a missing body or a 403 for a refused state is the service's answer, not a gap).
import { strict as assert } from 'assert';
import type { Client } from '../service/helpers';
import { start } from '../service/helpers';

const GAPS = [404, 405, 501];

describe('emulator protection: the whole v1.0 metadata answers', () => {
  let api: Client;
  let csdl: string;
  before(async () => {
    api = await start();
    const res = await api.get('/v1.0/$metadata');
    assert.equal(res.status, 200);
    csdl = res.text;
  });
  after(async () => { await api.emulator.close(); });

  const entityBlock = (name: string) => new RegExp(`<EntityType Name="${name}"[^>]*>([\\s\\S]*?)</EntityType>`).exec(csdl)?.[1] ?? '';
  const navigations = (name: string) => [...entityBlock(name).matchAll(/<NavigationProperty Name="(\w+)"/g)].map((m) => m[1]);
  const firstId = async (collection: string) => (await api.get(`/${collection}`)).body.value[0].id as string;

  async function assertAnswers(method: string, path: string, body?: unknown): Promise<void> {
    const res = await api.call(method, path, body);
    assert.ok(!GAPS.includes(res.status), `${method} ${path} answered ${res.status}: ${res.text}`);
  }

  it('answers GET on every navigation of backupRestoreRoot and of each workload policy', async () => {
    const root = navigations('backupRestoreRoot');
    assert.ok(root.length >= 24, `found ${root.length} navigations`);
    for (const nav of root) await assertAnswers('GET', `/${nav}`);
    for (const policyType of ['exchangeProtectionPolicy', 'sharePointProtectionPolicy', 'oneDriveForBusinessProtectionPolicy']) {
      const collection = `${policyType.replace(/Policy$/, 'Policies')}`;
      const id = await firstId(collection);
      for (const nav of navigations(policyType)) await assertAnswers('GET', `/${collection}/${id}/${nav}`);
    }
  });

  it('answers every bound action and function on an entity of its binding type', async () => {
    const point = (await api.pointIds('siteProtectionUnit', 1, { fast: true }))[0];
    const browse = (await api.post('/sharePointBrowseSessions', { restorePointId: point })).body.id as string;
    // A default emulator starts without sessions or apps: make one of each to call their actions on.
    const session = (await api.post('/exchangeRestoreSessions', {})).body.id as string;
    const app = (await api.post('/serviceApps', { application: { id: '0f0e0d0c-0000-4000-8000-000000000001', displayName: 'Walker' } })).body.id as string;
    const instanceOf: Record<string, string> = {
      'graph.backupRestoreRoot': '',
      'graph.protectionPolicyBase': `protectionPolicies/${await firstId('protectionPolicies')}`,
      'graph.restoreSessionBase': `restoreSessions/${session}`,
      'graph.serviceApp': `serviceApps/${app}`,
      'graph.browseSessionBase': `browseSessions/${browse}`,
      'graph.protectionUnitBase': `protectionUnits/${await firstId('protectionUnits')}`,
      'graph.protectionRuleBase': `siteInclusionRules/${await firstId('siteInclusionRules')}`,
      'Collection(graph.restorePoint)': 'restorePoints',
    };
    const bound = [...csdl.matchAll(/<(Action|Function) Name="(\w+)" IsBound="true">\s*<Parameter Name="bindingParameter" Type="([^"]+)"/g)];
    assert.ok(bound.length >= 13, `found ${bound.length} bound operations`);
    for (const [, kind, name, binding] of bound) {
      const base = instanceOf[binding];
      assert.ok(base !== undefined, `a sample entity for ${binding}`);
      const path = base === '' ? `/${name}` : `/${base}/${name}`;
      await assertAnswers(kind === 'Action' ? 'POST' : 'GET', path, kind === 'Action' ? {} : undefined);
    }
  });
});
