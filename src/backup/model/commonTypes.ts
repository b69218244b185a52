// The Graph types every Backup Storage entity builds on: the date-time string, the entity's id, who did something
// (identity sets) and the public error shape (graph-v1-backup-csdl.xml).
/** ISO 8601 date-time with offset, as Graph sends it. */
export type DateTimeOffset = string;

export interface Entity {
  id: string;
  '@odata.type'?: string;
}

// ---- common complex types ----

export interface Identity {
  id?: string | null;
  displayName?: string | null;
  [open: string]: unknown;
}

export interface IdentitySet {
  application?: Identity | null;
  device?: Identity | null;
  user?: Identity | null;
  [open: string]: unknown;
}

export interface PublicErrorDetail {
  code?: string | null;
  message?: string | null;
  target?: string | null;
}

export interface PublicInnerError {
  code?: string | null;
  message?: string | null;
  target?: string | null;
  details?: PublicErrorDetail[] | null;
  [open: string]: unknown;
}

export interface PublicError {
  code?: string | null;
  message?: string | null;
  target?: string | null;
  details?: PublicErrorDetail[] | null;
  innerError?: PublicInnerError | null;
}

export interface TimePeriod {
  startDateTime?: DateTimeOffset | null;
  endDateTime?: DateTimeOffset | null;
}
