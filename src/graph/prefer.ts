/**
 * The `Prefer` value every Graph request of this client carries: `include-unknown-enum-members` (so evolvable
 * enum members such as a session's `failed` status arrive as themselves), plus whatever the caller asked for.
 */

export const PREFER_UNKNOWN_ENUMS = 'include-unknown-enum-members';

/** The caller's preferences (odata.maxpagesize=..., return=minimal, ...) with ours kept. */
export function withUnknownEnums(callerPrefer: string | undefined): string {
  if (callerPrefer === undefined || callerPrefer.trim() === '') return PREFER_UNKNOWN_ENUMS;
  return callerPrefer.toLowerCase().includes(PREFER_UNKNOWN_ENUMS) ? callerPrefer : `${PREFER_UNKNOWN_ENUMS}, ${callerPrefer}`;
}
