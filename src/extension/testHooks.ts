// Test-only behaviour exists only when the test launchers (test/host) set RESTORE_SESSIONS_TEST_HOOKS=1:
// the `rendered` report of the details page and the ExtensionApi returned from activate. A shipped install
// never sets it, so it carries none of them.
export const TEST_HOOKS = process.env.RESTORE_SESSIONS_TEST_HOOKS === '1';
