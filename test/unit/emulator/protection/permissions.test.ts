// With `--auth on` the emulator checks each call against the documented scopes (src/backup/model/permissions.ts):
// every control-surface path asks for a BackupRestore-Control or -Configuration scope, never falls through to the
// restore scopes of "other" paths.
import { strict as assert } from 'assert';
import { WORKLOADS } from '../../../../src/backup/model';
import { ruleFor } from '../../../../src/backup/model/permissions';

describe('emulator protection: scopes of the control surface', () => {
  it('maps service, policy, rule, unit and bulk-job paths to the Control and Configuration scopes', () => {
    const paths: [string, string][] = [['POST', 'enable'], ['GET', 'serviceApps'], ['PATCH', 'emailNotificationsSetting'], ['POST', 'protectionUnits/u/offboard']];
    for (const w of WORKLOADS) {
      const jobs = `${w.protectionUnits.nav}BulkAdditionJobs`;
      paths.push(['GET', jobs], ['GET', `${jobs}/j`], ['POST', `${w.policyCollection}/p/${jobs}`], ['PATCH', `${w.policyCollection}/p`],
        ['GET', w.inclusionRulesNav], ['POST', `${w.policyCollection}/p/${w.inclusionRulesNav}/r/run`]);
    }
    for (const [method, path] of paths) {
      const rule = ruleFor(method, path);
      assert.ok(rule.anyOf.every((k) => k.startsWith('Ctl.') || k.startsWith('Cfg.')), `${method} ${path} asks for ${rule.anyOf.join(', ')} (${rule.id})`);
    }
  });
});
