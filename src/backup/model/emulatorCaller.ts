// Who the local emulator says created a session when the request carried no token (`--auth off`): shared so
// that the extension's "created by me" filter recognises the sessions its user made on the emulator.
import type { IdentitySet } from './commonTypes';

export const EMULATOR_CALLER: IdentitySet = {
  application: { id: '1f0e4a3c-7d2b-4c6e-9a8f-5b1d3e7c9a20', displayName: 'Backup Storage emulator' },
  user: { id: 'c4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70', displayName: 'Emulator Admin' },
};
