// Which OData query options a service honours, per collection, as this connection has found out. Graph's docs
// list no query options for restore-session and artifact lists (docs/fidelity.md), so the client may ask for
// `$orderby`, `$filter`, `$top`, `$count` or `$expand` there but never depends on them: a 400 naming an option,
// or an answer that is not sorted, filtered, paged or counted as asked, marks the option unsupported for that
// collection. What was learnt is kept for the life of the connection and said once.
import { GraphError } from '../../graph';

export type QueryOption = '$orderby' | '$filter' | '$top' | '$count' | '$expand';

export class OptionSupport {
  private readonly unsupported = new Map<string, Set<QueryOption>>();
  /** Collections where an answer to a request with options has come back, so what they honour is being learnt. */
  private readonly answered = new Set<string>();

  constructor(private readonly onLearnt: (message: string) => void = () => undefined) {}

  supports(collection: string, option: QueryOption): boolean {
    return !this.unsupported.get(collection)?.has(option);
  }

  /** True until the service has answered (or refused) a request with options on this collection. */
  unknown(collection: string): boolean {
    return !this.answered.has(collection) && !this.unsupported.has(collection);
  }

  /** The service answered a request with options on this collection (what it ignored is dropped separately). */
  answeredOn(collection: string): void {
    this.answered.add(collection);
  }

  /**
   * Marks `option` unsupported on `collection` ('refused' with a 400, 'ignored' in a 200, or 'notAskedAgain' because
   * the service refused another undocumented option); logged once.
   */
  drop(collection: string, option: QueryOption, how: 'refused' | 'ignored' | 'notAskedAgain'): void {
    const set = this.unsupported.get(collection) ?? new Set<QueryOption>();
    if (set.has(option)) return;
    set.add(option);
    this.unsupported.set(collection, set);
    const what = how === 'notAskedAgain' ? `refused another undocumented option, so ${option} is not asked for again` : `${how} ${option}`;
    this.onLearnt(`The service ${what} on ${collection}; this connection now does without it there (filtering, counting or ordering on this side).`);
  }
}

/**
 * The option a failed request was refused for: a 400 whose message names one of the options sent, as `$orderby`
 * (the emulator) or as `'OrderBy'` (ASP.NET OData's "Query option 'OrderBy' is not allowed"). Undefined when
 * the failure is about something else (then it stands).
 */
export function refusedOption(error: unknown, sent: readonly QueryOption[]): QueryOption | undefined {
  if (!(error instanceof GraphError) || error.status !== 400) return undefined;
  const message = error.message.toLowerCase();
  return sent.find((option) => message.includes(option) || message.includes(`'${option.slice(1)}'`));
}

/** Options a `Warning` header says the service ignored (the emulator's `ignore` profile names them). */
export function warnedOptions(headers: Record<string, string>, sent: readonly QueryOption[]): QueryOption[] {
  const warning = headers.warning?.toLowerCase() ?? '';
  return sent.filter((option) => warning.includes(`'${option}'`));
}
