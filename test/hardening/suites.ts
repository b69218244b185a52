// Every plain-mocha part of the hardening suite, in the order their figures appear in docs/reliability.md.
import { crashSuite } from './crash.suite';
import { faultsSuite } from './faults.suite';
import { fuzzSuite } from './fuzz.suite';
import { inputSuite } from './input.suite';
import { secretsSuite } from './secrets.suite';
import { xssSuite } from './xss.suite';

export function registerHardeningSuites(): void {
  faultsSuite();
  fuzzSuite();
  crashSuite();
  xssSuite();
  secretsSuite();
  inputSuite();
}
