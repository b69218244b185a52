// Bulk from CSV and the granular mailbox form, in the real host against the launcher's emulator: the CSV rows
// are resolved and previewed before anything is sent (the emulator's sessions are counted while the preview is
// open), only the rows found are sent, and the mail form builds the documented expression the search counts.
import * as assert from 'assert';
import type { BulkPreview } from '../../src/backup/bulkResolve';
import type { ProtectionUnit, RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import { bulkCsvDraft, type BulkCsvPrompts } from '../../src/extension/commands/bulkCsvFlow';
import { askMailQuery, type FormAsker } from '../../src/extension/commands/granular/mailForm';
import { BACK } from '../../src/extension/commands/wizard';
import { control as callControl } from '../support/control';
import { emulatorTarget, graph, testApi } from './helpers';

const exchange = WORKLOADS.find((w) => w.id === 'exchange')!;

async function exchangeSessions(): Promise<RestoreSession[]> {
  return (await graph<{ value: RestoreSession[] }>(`${exchange.sessionCollection}?$top=999`)).value;
}

async function protectedMailboxes(): Promise<(ProtectionUnit & { email: string; displayName: string })[]> {
  const { value } = await graph<{ value: (ProtectionUnit & { email?: string; displayName?: string })[] }>('mailboxProtectionUnits?$top=999');
  return value.filter((u): u is ProtectionUnit & { email: string; displayName: string } => u.status === 'protected' && !!u.email && !!u.displayName);
}

/** Prompts that answer like an admin; `onPreview` sees the preview and says whether to send. */
function scripted(text: string, onPreview: (preview: BulkPreview) => Promise<boolean>, seen: { help?: string }): BulkCsvPrompts {
  return {
    formatHelp: async (_w, help) => ((seen.help = help), true),
    chooseFile: async () => ({ name: 'people.csv', text }),
    preview: (_w, _name, preview) => onPreview(preview),
    destination: async () => 'new',
    days: async () => 14,
  };
}

describe('Bulk from CSV: rows resolved before sending', () => {
  it('previews found, mistyped and repeated rows, sends nothing until accepted, then sends only the rows found', async () => {
    const ext = await testApi();
    const hub = await ext.hubs.active();
    const [a, b] = await protectedMailboxes();
    assert.ok(a && b, 'the emulator seeds at least two protected mailboxes');
    const mistyped = a.email.replace('@', 'x@');
    const csv = ['DisplayName,UPN', `${a.displayName},${a.email}`, `${b.displayName},${b.email}`, `Typo,${mistyped}`, `${a.displayName} again,${a.email.toUpperCase()}`, 'Nobody,not-an-address'].join('\n');
    const before = await exchangeSessions();
    const seen: { help?: string; preview?: BulkPreview } = {};

    const declined = await bulkCsvDraft(hub, exchange, scripted(csv, async (preview) => ((seen.preview = preview), false), seen), Date.now());
    assert.strictEqual(declined, undefined, 'declining the preview creates nothing');
    assert.match(seen.help ?? '', /DisplayName,UPN/, 'the format help shows an example with a header');
    const preview = seen.preview!;
    assert.deepStrictEqual(preview.found.map((r) => r.name), [a.displayName, b.displayName]);
    assert.deepStrictEqual(preview.notFound.map((r) => [r.line, r.value]), [[4, mistyped]]);
    assert.match(preview.notFound[0].reason, /check the spelling/);
    assert.deepStrictEqual(preview.duplicates.map((r) => r.line), [5]);
    assert.deepStrictEqual(preview.invalid.map((r) => r.line), [6]);
    assert.strictEqual((await exchangeSessions()).length, before.length, 'nothing was POSTed while the preview was open or after it was declined');

    let countAtPreview = -1;
    const accepted = await bulkCsvDraft(hub, exchange, scripted(csv, async () => {
      countAtPreview = (await exchangeSessions()).length;
      return true;
    }, seen), Date.now());
    assert.strictEqual(countAtPreview, before.length, 'nothing was sent before the preview was accepted');
    assert.ok(accepted, 'accepting the preview creates the draft');
    // (Graph returns a bulk request's resource lists empty, so the emulator's store says what was sent)
    const state = await callControl<{ sessions: { session: { id: string }; bulkRequests: { mailboxes?: string[] }[] }[] }>(emulatorTarget(), 'state?detail=sessions', undefined, 'GET');
    const stored = state.sessions.find((r) => r.session.id === accepted.session.id);
    assert.deepStrictEqual(stored?.bulkRequests.map((r) => r.mailboxes), [[a.email, b.email]], 'only the rows found are sent');
    await graph(`${exchange.sessionCollection}/${accepted.session.id}`, { method: 'DELETE' });
  });
});

/** Answers each form step from a list; records what every step showed. */
function formAnswers(answers: unknown[], shown: { prompt?: string; value?: string; placeholder?: string }[]): FormAsker {
  const next = () => answers.shift();
  return {
    async text(step) {
      shown.push({ prompt: step.prompt, value: step.value });
      const answer = next();
      return answer === BACK ? BACK : answer === '=' ? step.value : (answer as string);
    },
    async choice(step) {
      shown.push({ placeholder: step.placeholder });
      const answer = next();
      return answer === BACK ? BACK : { value: step.items[answer as number].value };
    },
  };
}

describe('Granular mailbox form', () => {
  it('builds the documented expression from the fields, keeps answers on Back, and the search counts its matches', async () => {
    const shown: { prompt?: string; value?: string; placeholder?: string }[] = [];
    // sender, Back from participants, sender again (kept value shown), participants, subject, attachments (only with),
    // between (empty), kind (mail), the expression as built.
    const asker = formAnswers(['Debra', BACK, '=', '', 'invoice', 1, '', 1, '='], shown);
    const result = await askMailQuery(asker, 3, 10);
    assert.ok(result && result !== BACK);
    assert.strictEqual(shown[2].value, 'Debra', 'Back keeps what was typed');
    const expected = "(Sender -like 'Debra*') -and (Subject -like '*invoice*') -and (HasAttachment -eq 'true') -and (ItemClass -eq 'IPM.Note')";
    assert.strictEqual(result.expression, expected);
    assert.strictEqual(shown[shown.length - 1].value, expected, 'the built expression is shown, editable');
    assert.match(shown[shown.length - 1].prompt ?? '', /Mail from Debra with 'invoice' in the subject with attachments/);
    assert.strictEqual(result.description, "Mail from Debra with 'invoice' in the subject with attachments");

    const ext = await testApi();
    const [mailbox] = await protectedMailboxes();
    const search = await (await ext.hubs.active()).api.tenant.search({
      protectionUnitIds: [mailbox.id], protectionTimePeriod: { endDateTime: new Date().toISOString() }, restorePointPreference: 'latest',
      artifactQuery: { artifactType: 'message', queryExpression: result.expression },
    });
    assert.ok(search.searchResponseId, 'the service accepts the built expression');
    assert.ok((search.searchResults?.[0]?.artifactHitCount ?? 0) > 0, 'and counts its matches at the point found');
  });
});
