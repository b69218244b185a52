// Status history of restore sessions: recorder (persisted JSON lines), file interface, timeline reconstruction.
export * from './types';
export * from './files';
export * from './recorder';
export * from './timeline';
