// A browsed file or folder in the granular restore picker: its size or item count, and on beta who changed it
// last and when, in words; a v1.0 item (no history) reads exactly as before.
import { strict as assert } from 'assert';
import { browseItemDescription, browseItemHistoryText, fileSizeText } from '../../../src/backup/browseItemText';
import type { BrowseQueryResponseItem } from '../../../src/backup/model';

const NOW = Date.UTC(2026, 11, 1, 12, 0);
const DAY = 86_400_000;
const lee = { user: { id: '5a1f0c2e-0000-4000-8000-000000000001', displayName: 'Lee Gu' } };
const megan = { user: { id: '5a1f0c2e-0000-4000-8000-000000000002', displayName: 'Megan Bowen' } };
const v1File: BrowseQueryResponseItem = { itemKey: 'k1', name: 'Budget.xlsx', type: 'file', sizeInBytes: '12288' };
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

describe('browsed items in words', () => {
  it('reads a v1.0 file or folder as its size or item count alone', () => {
    assert.equal(browseItemDescription(v1File, NOW), '12 KB');
    assert.equal(browseItemDescription({ itemKey: 'k2', name: 'Finance', type: 'folder', itemsCount: 1 }, NOW), '1 item');
    assert.equal(browseItemDescription({ itemKey: 'k3', name: 'Empty', type: 'folder' }, NOW), '0 items');
    assert.equal(browseItemHistoryText(v1File, NOW), '');
  });

  it('says who changed a beta item last and when, or who made it when it never changed', () => {
    const changed = { ...v1File, createdBy: megan, createdDateTime: ago(40), lastModifiedBy: lee, lastModifiedDateTime: ago(3) };
    assert.equal(browseItemDescription(changed, NOW), '12 KB · changed 3 days ago by Lee Gu');
    const untouched = { ...v1File, createdBy: megan, createdDateTime: ago(40), lastModifiedBy: megan, lastModifiedDateTime: ago(40) };
    assert.equal(browseItemHistoryText(untouched, NOW), 'created 5 weeks ago by Megan Bowen');
    assert.equal(browseItemHistoryText({ ...v1File, lastModifiedDateTime: ago(3), lastModifiedBy: null }, NOW), 'changed 3 days ago');
    const gone = { ...v1File, lastModifiedDateTime: ago(3), lastModifiedBy: { user: { id: '5a1f0c2e-0000-4000-8000-000000000003' } } };
    assert.equal(browseItemHistoryText(gone, NOW), 'changed 3 days ago by Deleted user (5a1f0c2e…)', 'a person without a name is not shown as a bare id');
    assert.equal(browseItemHistoryText({ ...v1File, lastModifiedDateTime: '0001-01-01T00:00:00Z', createdDateTime: null }, NOW), '');
  });

  it('says file sizes in bytes, KB and MB, and "file" without one', () => {
    assert.equal(fileSizeText('512'), '512 bytes');
    assert.equal(fileSizeText('1'), '1 byte');
    assert.equal(fileSizeText(String(3.4 * 1024 * 1024)), '3.4 MB');
    assert.equal(fileSizeText(null), 'file');
    assert.equal(fileSizeText('lots'), 'file');
  });
});
