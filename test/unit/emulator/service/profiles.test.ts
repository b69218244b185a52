// The three profiles for query options Microsoft's docs do not list (`--undocumented-options`): refuse answers
// 400 naming the option and the flag, ignore drops the option and names it in a Warning header, honour applies
// it; documented options (restore points' $expand + $filter, protection units' $filter, paging) work in all.
import { strict as assert } from 'assert';
import { parseArgs } from '../../../../src/emulator/cli';
import { QUERY_OPTIONS } from '../../../../src/emulator/service/queryOptions';
import { assertError, start, type Client } from './helpers';

const SORTED_COUNTED = '/restoreSessions?$orderby=createdDateTime desc&$count=true&$top=1';

describe('emulator: undocumented query option profiles', () => {
  const clients: Record<string, Client> = {};
  before(async () => {
    for (const profile of ['refuse', 'ignore', 'honour'] as const) clients[profile] = await start({ seed: 'demo', undocumentedOptions: profile });
  });
  after(async () => {
    for (const c of Object.values(clients)) await c.emulator.close();
  });

  it('refuse: an undocumented option is a 400 naming the option, the API and the flag', async () => {
    const res = await clients.refuse.get(SORTED_COUNTED);
    assertError(res, 400, 'BadRequest');
    assert.match(res.body.error.message, /'\$orderby' is not documented for List restoreSessionBase/);
    assert.match(res.body.error.message, /--undocumented-options/);
    assert.match(res.body.error.message, /backuprestoreroot-list-restoresessions/);
  });

  it('ignore: the option is dropped and named in a Warning header', async () => {
    const res = await clients.ignore.get(SORTED_COUNTED);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body['@odata.count'], undefined, 'the count was not computed');
    assert.ok(res.body.value.length > 1, 'the $top was not applied');
    const warning = res.headers.get('warning') ?? '';
    for (const name of ['$orderby', '$count', '$top']) assert.ok(warning.includes(`'${name}'`), warning);
    assert.ok(!/\$top|\$count/.test(res.body['@odata.nextLink'] ?? ''), 'ignored options do not travel in the nextLink');
  });

  it('honour: the option is applied', async () => {
    const res = await clients.honour.get(SORTED_COUNTED);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.value.length, 1);
    assert.ok(res.body['@odata.count'] > 1);
    assert.equal(res.headers.get('warning'), null);
  });

  it('documented options work in every profile: restore points, unit filter, paging', async () => {
    for (const client of Object.values(clients)) {
      const units = await client.get("/protectionUnits?$filter=status eq 'protected'");
      assert.equal(units.status, 200, units.text);
      const unit = units.body.value[0];
      const before = new Date(await client.now()).toISOString();
      const points = await client.get(`/restorePoints?$expand=protectionUnit($filter=id eq '${unit.id}')&$filter=protectionDateTime lt ${before}&$orderby=protectionDateTime desc`);
      assert.equal(points.status, 200, points.text);
      assert.ok(points.body.value.length > 0);
      const first = await client.get('/restoreSessions');
      assert.equal(first.status, 200, first.text);
      if (first.body['@odata.nextLink']) assert.equal((await client.get(first.body['@odata.nextLink'])).status, 200);
    }
  });

  it('an option the emulator does not implement is a 400 in every profile', async () => {
    for (const client of Object.values(clients)) assertError(await client.get('/restoreSessions?$search=x'), 400, 'BadRequest');
  });

  it('every row of the table names its doc page, and documented options are implemented', () => {
    for (const [api, row] of Object.entries(QUERY_OPTIONS)) {
      assert.match(row.page, /^https:\/\/learn\.microsoft\.com\//, api);
      for (const name of row.documented) assert.ok((row.implemented as readonly string[]).includes(name), `${api}: ${name}`);
    }
  });

  it('the CLI takes --undocumented-options and refuses other values', () => {
    assert.deepEqual(parseArgs(['--undocumented-options', 'ignore']), { undocumentedOptions: 'ignore' });
    assert.throws(() => parseArgs(['--undocumented-options', 'lenient']), /refuse, ignore or honour/);
  });
});
