// The explicit expected-skip list of the host suites (DESIGN.md, Tests: "a test that skips fails the run unless
// it is on an explicit, printed expected-skip list"). run-e2e.js and run-integration.js print this list with
// its reasons at every run and fail the run on any skip that is not on it. Keys: the e2e step's name, or the
// integration test's full mocha title. Empty today: every step and test runs.
const EXPECTED_SKIPS = {
  e2e: {},
  integration: {},
};

/**
 * Prints the expected skips of `suite` and returns the skips that are not on the list (each `{ name, reason }`),
 * which the launcher counts as failures.
 */
function unexpectedSkips(suite, skipped, log) {
  const expected = EXPECTED_SKIPS[suite];
  const names = Object.keys(expected);
  log(names.length ? `expected skips (${names.length}):` : 'expected skips: none (any skip fails the run)');
  for (const name of names) log(`  - ${name}: ${expected[name]}`);
  const unexpected = skipped.filter((s) => !Object.prototype.hasOwnProperty.call(expected, s.name));
  for (const s of unexpected) log(`✖ skipped but not on the expected-skip list (test/host/expected-skips.js): ${s.name}${s.reason ? ` (${s.reason})` : ''}`);
  return unexpected;
}

module.exports = { EXPECTED_SKIPS, unexpectedSkips };
