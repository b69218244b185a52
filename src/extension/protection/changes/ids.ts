// The ids of the protection-change commands, on their own: the extension registers them at activation, and the
// commands themselves (commandFamilies.ts and the files it imports) load from a file of their own on the first
// one run (esbuild.js, `LAZY_FILES`), so activation does not parse them.
export const CHANGE_COMMANDS = {
  createPolicy: 'restoreSessions.protection.createPolicy',
  activatePolicy: 'restoreSessions.protection.activatePolicy',
  deactivatePolicy: 'restoreSessions.protection.deactivatePolicy',
  deletePolicy: 'restoreSessions.protection.deletePolicy',
  addUnits: 'restoreSessions.protection.addUnits',
  removeUnits: 'restoreSessions.protection.removeUnits',
  bulkAddUnits: 'restoreSessions.protection.bulkAddUnits',
  runRule: 'restoreSessions.protection.runRule',
  deleteRuleAndUnprotect: 'restoreSessions.protection.deleteRuleAndUnprotect',
  offboardUnit: 'restoreSessions.protection.offboardUnit',
  cancelOffboard: 'restoreSessions.protection.cancelOffboard',
  enableService: 'restoreSessions.protection.enableService',
  editEmailNotifications: 'restoreSessions.protection.editEmailNotifications',
} as const;
