// The granular restore flows as one module: esbuild bundles it (and what only it imports: the mail form, the
// file picker, their words) into a file of its own that granularCommands.ts requires on the first Create Granular
// … Restore (esbuild.js, `LAZY_COMMANDS`), so sessions that never restore single items never load it.
export { granularFileRestore } from './fileRestore';
export { granularMailboxRestore } from './mailRestore';
