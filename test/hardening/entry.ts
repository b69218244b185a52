// Mocha entry of the full hardening run (loaded by run.ts with HARDENING_MODE=full).
import { registerHardeningSuites } from './suites';

registerHardeningSuites();
