import { strict as assert } from 'assert';
import { bulkCsvHelp, parseBulkCsv, readBulkCsv } from '../../../src/backup/bulkCsv';
import { workload } from '../../../src/backup/model';

describe('bulk restore CSV', () => {
  it('reads addresses and ids, skipping a header, blanks and comments', () => {
    const csv = 'email,name\nadele@contoso.com,Adele\n\n# a comment\n"alex@contoso.com",Alex\n4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f\n';
    const result = parseBulkCsv(workload('exchange'), csv);
    assert.deepEqual(result.resources, ['adele@contoso.com', 'alex@contoso.com']);
    assert.deepEqual(result.resourceIds, ['4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f']);
    assert.deepEqual(result.problems, []);
  });

  it('names the line and what is wrong with each bad row', () => {
    const result = parseBulkCsv(workload('exchange'), 'adele@contoso.com\nnot-an-address\nADELE@contoso.com\n');
    assert.deepEqual(result.problems.map((p) => [p.line, p.message]), [[2, 'not an e-mail address or a directory object id (GUID)'], [3, 'listed twice']]);
  });

  it('wants https site URLs for SharePoint', () => {
    const result = parseBulkCsv(workload('sharePoint'), 'https://contoso.sharepoint.com/sites/Marketing\nhttp://contoso.sharepoint.com/sites/HR\nadele@contoso.com');
    assert.deepEqual(result.resources, ['https://contoso.sharepoint.com/sites/Marketing']);
    assert.equal(result.problems.length, 2);
  });

  it('refuses more than 10,000 resources and an empty file', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `user${i}@contoso.com`).join('\n');
    assert.match(parseBulkCsv(workload('oneDrive'), many).problems.at(-1)!.message, /at most 10,000/);
    assert.match(parseBulkCsv(workload('oneDrive'), '\n\n').problems[0].message, /lists no OneDrives/);
  });
});

describe('bulk CSV columns, rows and help', () => {
  it('reads the UPN column of a DisplayName,UPN file, with row numbers for bad and repeated rows', () => {
    const csv = 'DisplayName,UPN\n"Berger, Debra",DebraB@contoso.com\nLee Gu,LeeG@contoso.com\nNobody,not-an-address\nDebra again,debrab@contoso.com\n';
    const read = readBulkCsv(workload('exchange'), csv);
    assert.deepEqual(read.column, { index: 1, header: 'UPN' });
    assert.deepEqual(read.rows.map((r) => [r.line, r.value]), [[2, 'DebraB@contoso.com'], [3, 'LeeG@contoso.com']]);
    assert.deepEqual(read.invalid.map((p) => p.line), [4]);
    assert.deepEqual(read.duplicates.map((p) => [p.line, p.firstLine]), [[5, 2]]);
  });

  it('finds the address column by its contents when there is no header', () => {
    const read = readBulkCsv(workload('sharePoint'), 'Finance;https://contoso.sharepoint.com/sites/Finance\nHR;https://contoso.sharepoint.com/sites/HR');
    assert.equal(read.column.index, 1);
    assert.equal(read.rows.length, 2);
  });

  it('explains the format with an example per workload', () => {
    assert.match(bulkCsvHelp(workload('exchange')), /DisplayName,UPN\nDebra Berger,DebraB@/);
    assert.match(bulkCsvHelp(workload('sharePoint')), /SiteUrl\nFinance,https:\/\/contoso\.sharepoint\.com\/sites\/Finance/);
    assert.match(bulkCsvHelp(workload('oneDrive')), /OneDrive owner's user principal name/);
  });
});
