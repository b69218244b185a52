import { strict as assert } from 'assert';
import type { BrowseQueryResponseItem, BrowseRequest } from '../../../../src/backup/model';
import { createCatalog } from '../../../../src/emulator/catalog';
import { EmulatorError } from '../../../../src/emulator/errors';
import { catalog, NOW, unitOf } from './fixtures';

const site = unitOf('sharePoint', 'Finance');
const RP = 'rp-1';
const browse = (request: BrowseRequest, size = 1000, nextFetchToken?: string) => catalog.browse(site.id, RP, request, { size, nextFetchToken });
const KEY = /^[0-9a-f-]{36}(,[0-9a-f-]{36})+$/;

function rejects(request: BrowseRequest, message: RegExp, token?: string) {
  assert.throws(() => browse(request, 10, token), (error: unknown) => {
    assert.ok(error instanceof EmulatorError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalidRequest');
    assert.match(error.message, message);
    return true;
  });
}

describe('catalog: browse', () => {
  const [siteItem] = browse({}).items;
  const libraries = browse({ browseLocationItemKey: siteItem.itemKey, browseResourceType: 'site' }).items;
  const shared = libraries.find((l) => l.name === 'Shared Documents')!;

  it('lists the site as the top-level location', () => {
    const page = browse({});
    assert.equal(page.count, 1);
    assert.equal(siteItem.type, 'site');
    assert.equal(siteItem.name, 'Finance');
    assert.equal(siteItem.webUrl, 'https://contoso.sharepoint.com/sites/Finance');
    assert.match(siteItem.itemKey!, /^[0-9a-f-]{36},[0-9a-f-]{36}$/);
    assert.equal(`contoso.sharepoint.com,${siteItem.itemKey}`, (site as { siteId?: string }).siteId);
  });

  it('lists document libraries, then folders and files, with documented shapes', () => {
    assert.ok(libraries.every((l) => l.type === 'documentLibrary'));
    assert.equal(shared.webUrl, 'https://contoso.sharepoint.com/sites/Finance/Shared%20Documents');
    const children = browse({ browseLocationItemKey: shared.itemKey, browseResourceType: 'documentLibrary' }).items;
    assert.equal(children.length, shared.itemsCount);
    for (const child of children) {
      assert.match(child.itemKey!, KEY);
      assert.ok(child.itemKey!.startsWith(`${shared.itemKey},`), 'keys extend the parent key');
      assert.ok(child.webUrl!.startsWith(`${shared.webUrl}/`));
      if (child.type === 'file') {
        assert.match(child.sizeInBytes!, /^\d+$/);
        assert.equal(child.itemsCount, 0);
      } else assert.equal(child.type, 'folder');
    }
    assert.ok(children.some((c) => c.type === 'folder') && children.some((c) => c.type === 'file'));
  });

  it('infers the resource type when it is omitted and resolves item keys', () => {
    const inferred = browse({ browseLocationItemKey: shared.itemKey }).items;
    assert.equal(inferred.length, shared.itemsCount);
    assert.deepEqual(catalog.browseItem(site.id, shared.itemKey!), shared);
    assert.equal(catalog.browseItem(site.id, 'nope'), undefined);
  });

  it('orders by path (default) and by name, both ways', () => {
    const location = { browseLocationItemKey: shared.itemKey };
    const names = (items: BrowseQueryResponseItem[]) => items.map((i) => i.name!.toLowerCase());
    const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byName = names(browse({ ...location, orderBy: 'nameAsc' }).items);
    assert.deepEqual(byName, sorted(byName));
    assert.deepEqual(names(browse({ ...location, orderBy: 'nameDsc' }).items), [...byName].reverse());
    const byPath = names(browse(location).items);
    assert.deepEqual(names(browse({ ...location, orderBy: 'pathDsc' }).items), [...byPath].reverse());
  });

  it('filters by name recursively with (name -contains ...), case-insensitively', () => {
    const page = browse({ browseLocationItemKey: siteItem.itemKey, filter: "(name -contains 'BUDGET')" });
    assert.ok(page.count > 0);
    assert.ok(page.items.every((i) => i.name!.toLowerCase().includes('budget')));
    assert.ok(page.items.some((i) => i.itemKey!.split(',').length > 4), 'matches come from nested folders too');
    const wholeTree = browse({ filter: "name -contains 'budget'" });
    assert.equal(wholeTree.count, page.count);
    assert.equal(browse({ filter: "(name -contains 'no such thing')" }).count, 0);
    assert.equal(browse({ filter: "(name -contains 'o''brien')" }).count, 0, 'quotes are doubled');
  });

  it('pages with an opaque nextFetchToken that carries the query', () => {
    const request: BrowseRequest = { browseLocationItemKey: siteItem.itemKey, filter: "(name -contains 'e')", orderBy: 'nameAsc' };
    const all = browse(request).items;
    assert.ok(all.length > 7);
    const seen: BrowseQueryResponseItem[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      // After the first page the body is empty, as with GET …/browse?$skiptoken=…
      const page = browse(pages === 0 ? request : {}, 3, token);
      assert.equal(page.count, all.length);
      seen.push(...page.items);
      token = page.nextFetchToken;
      pages++;
    } while (token);
    assert.equal(pages, Math.ceil(all.length / 3));
    assert.deepEqual(seen, all);
  });

  it('rejects unsupported filters and bad locations with a clear 400', () => {
    rejects({ filter: "(size -gt '100')" }, /only the name/);
    rejects({ filter: "name eq 'x'" }, /only the name/);
    rejects({ filter: "(name -contains 'x') -and (name -contains 'y')" }, /only the name/);
    rejects({ orderBy: 'sizeAsc' as never }, /orderBy/);
    rejects({ browseResourceType: 'folder' }, /without browseLocationItemKey/);
    rejects({ browseLocationItemKey: 'a,b' }, /does not exist/);
    rejects({ browseLocationItemKey: shared.itemKey, browseResourceType: 'folder' }, /documentLibrary/);
    const file = browse({ filter: "(name -contains '.')" }).items.find((i) => i.type === 'file')!;
    rejects({ browseLocationItemKey: file.itemKey }, /is a file/);
    rejects({}, /nextFetchToken/, 'bogus');
    const { nextFetchToken } = browse({ browseLocationItemKey: shared.itemKey }, 2);
    assert.throws(() => catalog.browse(site.id, 'another-point', {}, { size: 2, nextFetchToken }), /nextFetchToken/);
  });

  it('builds the same tree in every catalog, and one for OneDrives', () => {
    const other = createCatalog('demo', NOW + 86_400_000);
    assert.deepEqual(other.browse(site.id, RP, { filter: "(name -contains 'a')" }, { size: 1000 }), browse({ filter: "(name -contains 'a')" }));
    const drive = unitOf('oneDrive', 'adelev');
    const [root] = catalog.browse(drive.id, RP, {}, { size: 10 }).items;
    assert.equal(root.webUrl, 'https://contoso-my.sharepoint.com/personal/adelev_contoso_onmicrosoft_com');
    const [documents] = catalog.browse(drive.id, RP, { browseLocationItemKey: root.itemKey }, { size: 10 }).items;
    assert.equal(documents.name, 'Documents');
    assert.equal(catalog.browse(unitOf('exchange', 'adelev').id, RP, {}, { size: 10 }).count, 0, 'mailboxes cannot be browsed');
  });
});
