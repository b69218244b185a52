// The hardening suite in its quick mode, so `npm test` runs it (HARDENING_MODE unset → quick). The full mode
// runs the same suites with larger counts: `npm run test:hardening`.
import { registerHardeningSuites } from '../../hardening/suites';

registerHardeningSuites();
