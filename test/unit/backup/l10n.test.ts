// The localization seam of src/backup: English with placeholders filled until a localizer is installed, then
// every word the domain builds (enum words, banners, confirmations) comes from that localizer, at the time it is
// shown rather than when the module loaded.
import { strict as assert } from 'assert';
import { confirmationContent } from '../../../src/backup/confirmation';
import { formatMessage, l10n, setLocalize, type Localize } from '../../../src/backup/l10n';
import { WORKLOADS } from '../../../src/backup/model';
import { progressOf, statusBanner } from '../../../src/backup/progress';
import { words } from '../../../src/backup/words';

const english: Localize = (message, ...args) => formatMessage(message, args);

/** A pseudo-locale: every message bracketed, placeholders filled inside. */
const pseudo: Localize = (message, ...args) => `[${formatMessage(message, args)}]`;

describe('localization seam', () => {
  afterEach(() => setLocalize(english));

  it('fills placeholders in order, repeated or not, and leaves one without an argument as written', () => {
    assert.equal(formatMessage('{0} of {1} restored, {0} again', [3, 'eight']), '3 of eight restored, 3 again');
    assert.equal(formatMessage('{0} and {1}', ['one']), 'one and {1}');
    assert.equal(l10n.t('Restores {0}:', '2 mailboxes'), 'Restores 2 mailboxes:');
  });

  it('takes every domain word from the installed localizer when it is shown', () => {
    const banner = () => statusBanner({ status: 'completed', error: null }, progressOf({ total: 2, completed: 2, failed: 0, inProgress: 0 }));
    assert.equal(words('sessionStatus', 'completedWithError'), 'Completed with errors');
    assert.equal(banner().text, 'Completed: 2 restored.');
    setLocalize(pseudo);
    assert.equal(words('sessionStatus', 'completedWithError'), '[Completed with errors]');
    assert.equal(words('sessionStatus', 'notAStatus'), '[Unknown status]');
    assert.equal(banner().text, '[Completed: [2 restored].]');
    const exchange = WORKLOADS.find((w) => w.id === 'exchange')!;
    assert.equal(exchange.newLocation, '[a new folder in each mailbox]');
    const content = confirmationContent({
      workload: exchange, destinationType: 'new', units: [{ name: 'Debra Berger', pointInTime: '2026-11-30T08:00:00Z' }], nowMs: Date.parse('2026-12-01T08:00:00Z'), utcOffsetMinutes: 0,
    });
    assert.equal(content.title, '[Restore Debra Berger to a new location?]');
    assert.ok(content.detail.split('\n').every((line) => line === '' || /^\[.*\]$/.test(line)), content.detail);
  });
});
