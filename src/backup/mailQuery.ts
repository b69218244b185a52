// Granular mailbox restore: a form (sender, participants, subject contains, has attachment, a date range,
// message kind) built into the documented `artifactQuery.queryExpression` syntax — parenthesised
// `(Property -operator 'value')` terms joined by `-and`, as in the Graph docs' example
// `(Sender -eq 'a@b.com') -and (Subject -like '*x*') -and (HasAttachment -eq 'true') -and
// (PitrDumpsterActionTriggeredTime -gt '{2024-09-21T08:20:00.0000000Z}')` — and the reverse: an expression in
// words for the tree and the panel ("Mail from Debra with 'invoice' in the subject").
import { oneLine } from './words';

export type MessageKind = 'mail' | 'calendar' | 'contact' | 'task' | 'note';

export interface MailQueryForm {
  /** An address (matched exactly) or a name (matched as a prefix). */
  sender?: string;
  /** Someone in To, Cc or Bcc: address or name. */
  participants?: string;
  subjectContains?: string;
  hasAttachment?: boolean;
  /**
   * Items whose last dumpster action (change or deletion) falls in this range, ISO times. The docs' only date
   * property is `PitrDumpsterActionTriggeredTime`; a received-date property is not documented, so none is sent.
   */
  changedBetween?: { start?: string; end?: string };
  kind?: MessageKind;
}

/** Exchange item classes of each kind (`ItemClass`). */
const ITEM_CLASSES: Record<MessageKind, { itemClass: string; words: string }> = {
  mail: { itemClass: 'IPM.Note', words: 'Mail' },
  calendar: { itemClass: 'IPM.Appointment', words: 'Calendar items' },
  contact: { itemClass: 'IPM.Contact', words: 'Contacts' },
  task: { itemClass: 'IPM.Task', words: 'Tasks' },
  note: { itemClass: 'IPM.StickyNote', words: 'Notes' },
};

/** A value inside single quotes: control characters and newlines removed, quotes doubled. */
export function quoteQueryValue(value: string): string {
  return `'${oneLine(value).replace(/'/g, "''")}'`;
}

/** The expression for a form; '' when the form is empty. */
export function buildQueryExpression(form: MailQueryForm): string {
  const terms: string[] = [];
  const text = (v: string | undefined) => oneLine(v ?? '');
  const person = (property: string, value: string) =>
    value.includes('@') ? `(${property} -eq ${quoteQueryValue(value)})` : `(${property} -like ${quoteQueryValue(`${value.replace(/\*+$/, '')}*`)})`;
  if (text(form.sender)) terms.push(person('Sender', text(form.sender)));
  if (text(form.participants)) terms.push(`(Participants -like ${quoteQueryValue(text(form.participants))})`);
  if (text(form.subjectContains)) terms.push(`(Subject -like ${quoteQueryValue(`*${text(form.subjectContains).replace(/^\*+|\*+$/g, '')}*`)})`);
  if (form.hasAttachment !== undefined) terms.push(`(HasAttachment -eq '${form.hasAttachment ? 'true' : 'false'}')`);
  if (form.changedBetween?.start) terms.push(`(PitrDumpsterActionTriggeredTime -gt '{${serviceTime(form.changedBetween.start)}}')`);
  if (form.changedBetween?.end) terms.push(`(PitrDumpsterActionTriggeredTime -lt '{${serviceTime(form.changedBetween.end)}}')`);
  if (form.kind) terms.push(`(ItemClass -eq ${quoteQueryValue(ITEM_CLASSES[form.kind].itemClass)})`);
  return terms.join(' -and ');
}

/** `2026-11-01T00:00:00.0000000Z`, the seven-digit form of the docs' example. */
function serviceTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return oneLine(iso).replace(/[{}']/g, '');
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

const TERM = /^\(\s*([A-Za-z]+)\s+(-[a-z]+)\s+'((?:[^']|'')*)'\s*\)\s*/i;

/** An expression in words: `Mail from Debra with 'invoice' in the subject`; the raw text when it cannot be read. */
export function describeQueryExpression(expression: string | null | undefined): string {
  let rest = oneLine(expression ?? '');
  if (!rest) return 'All items';
  let kind = 'Items';
  const groups: string[][] = [[]];
  while (rest) {
    const term = TERM.exec(rest);
    if (!term) return `Items matching ${rest.length > 60 ? `${rest.slice(0, 60)}…` : rest}`;
    const [, property, operator, raw] = term;
    const value = raw.replace(/''/g, "'");
    const kindWords = property.toLowerCase() === 'itemclass' ? Object.values(ITEM_CLASSES).find((k) => k.itemClass.toLowerCase() === value.toLowerCase())?.words : undefined;
    if (kindWords) kind = kindWords;
    else groups[groups.length - 1].push(termWords(property, operator.toLowerCase(), value));
    rest = rest.slice(term[0].length);
    const join = /^(-and|-or)\s+/i.exec(rest);
    if (join?.[1].toLowerCase() === '-or') groups.push([]);
    if (join) rest = rest.slice(join[0].length);
  }
  const parts = groups.filter((g) => g.length).map((g) => g.join(' '));
  if (kind === 'Items' && parts.length) kind = 'Mail';
  return [kind, parts.join(', or ')].filter(Boolean).join(' ');
}

function termWords(property: string, operator: string, value: string): string {
  const bare = value.replace(/^\*+|\*+$/g, '');
  const dateText = value.replace(/^\{|\}$/g, '').replace(/T(\d{2}:\d{2}).*$/, ' $1 UTC');
  switch (property.toLowerCase()) {
    case 'sender': return `from ${bare}`;
    case 'participants': return `to or with ${bare}`;
    case 'recipients': return `to ${bare}`;
    case 'subject': return `with '${bare}' in the subject`;
    case 'body': return `with '${bare}' in the body`;
    case 'hasattachment': return value.toLowerCase() === 'true' ? 'with attachments' : 'without attachments';
    case 'pitrdumpsteractiontriggeredtime': return `${operator === '-lt' || operator === '-le' ? 'changed before' : 'changed after'} ${dateText}`;
    default: return `where ${property} ${operator.replace(/^-/, '')} '${value}'`;
  }
}
