// The emulator's answer to OData options Microsoft's docs do not list for an API (see queryOptions.ts for the
// table): its own file so the request context can name it without importing the table.
export type UndocumentedOptions = 'refuse' | 'ignore' | 'honour';
export const UNDOCUMENTED_OPTION_PROFILES: readonly UndocumentedOptions[] = ['refuse', 'ignore', 'honour'];
/** The profile of an emulator started without the flag. */
export const DEFAULT_UNDOCUMENTED_OPTIONS: UndocumentedOptions = 'refuse';
