// The journal knows no state section by name: a section added to EmulatorState later (as the protection state
// was) is journaled when it changes and comes back on load, without a line of persistence code for it.
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataFile, journalPath } from '../../../../src/emulator/service/dataFile';
import type { EmulatorState } from '../../../../src/emulator/state';

type StateWithSection = EmulatorState & { laterSection?: { policies: { id: string; displayName: string }[] } };

describe('emulator: data file journal', () => {
  it('journals a top-level section it does not know, replaced and removed, and loads it back', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-journal-')), 'state.json');
    const state: StateWithSection = { version: 1, seed: 'empty', sessions: [], browseSessions: [], clockMs: 1_000, laterSection: { policies: [{ id: 'p1', displayName: 'Finance mailboxes' }] } };
    const first = DataFile.open(file);
    assert.equal(first.saved, undefined);
    first.dataFile.compact(state);
    state.laterSection = { policies: [...state.laterSection!.policies, { id: 'p2', displayName: 'Legal sites' }] };
    state.clockMs = 2_000;
    first.dataFile.record({}, state);
    first.dataFile.close();
    assert.ok(!fs.readFileSync(file, 'utf8').includes('Legal sites'), 'the change went to the journal, not the data file');
    assert.ok(fs.readFileSync(journalPath(file), 'utf8').includes('Legal sites'));

    const second = DataFile.open(file);
    const loaded = second.saved as StateWithSection;
    assert.deepEqual(loaded.laterSection, state.laterSection);
    assert.equal(loaded.clockMs, 2_000);
    delete loaded.laterSection;
    second.dataFile.record({}, loaded);
    second.dataFile.close();
    const third = DataFile.open(file);
    third.dataFile.close();
    assert.equal((third.saved as StateWithSection).laterSection, undefined, 'a removed section stays removed');
  });

  it('writes nothing for a commit that changed nothing', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-journal-')), 'state.json');
    const state: EmulatorState = { version: 1, seed: 'empty', sessions: [], browseSessions: [], clockMs: 1_000 };
    const { dataFile } = DataFile.open(file);
    dataFile.compact(state);
    const size = fs.statSync(journalPath(file)).size;
    dataFile.record({}, state);
    dataFile.close();
    assert.equal(fs.statSync(journalPath(file)).size, size);
  });
});
