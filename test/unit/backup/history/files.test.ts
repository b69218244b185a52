// History files are private to the user, written durably, and pruned after the retention the user chose.
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { directoryFiles, pruneHistory } from '../../../../src/backup/history';

describe('history files', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'history-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('writes and appends files only the user can read (POSIX modes), leaving no temp file behind', async () => {
    const files = directoryFiles(root);
    await files.write('c1/s1.json', '{"a":1}');
    await files.append('c1/s1.jsonl', 'line\n');
    for (const name of ['c1/s1.json', 'c1/s1.jsonl']) {
      const mode = (await fs.stat(path.join(root, name))).mode & 0o777;
      assert.equal(mode.toString(8), '600', `${name} mode`);
    }
    assert.deepEqual((await fs.readdir(path.join(root, 'c1'))).sort(), ['s1.json', 's1.jsonl']);
    assert.equal(await files.read('c1/s1.json'), '{"a":1}');
  });

  it('prunes files older than the retention and keeps recent ones; 0 keeps everything', async () => {
    const files = directoryFiles(root);
    await files.write('c1/old.jsonl', 'x');
    await files.write('c2/new.jsonl', 'y');
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await fs.utimes(path.join(root, 'c1/old.jsonl'), tenDaysAgo, tenDaysAgo);
    assert.equal(await pruneHistory(root, 0), 0);
    assert.equal(await pruneHistory(root, 7), 1);
    assert.equal(await files.read('c1/old.jsonl'), undefined);
    assert.equal(await files.read('c2/new.jsonl'), 'y');
    await assert.rejects(fs.stat(path.join(root, 'c1')), /ENOENT/, 'an emptied folder is removed');
  });
});
