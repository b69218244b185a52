// The granular mailbox search as a form, one quick input step per field — sender, participants, subject
// contains, attachments, changed between, message kind — then the expression they build, shown in words and
// editable as text for anyone who wants the advanced syntax. The asker is passed in, so integration tests can
// fill the form; mailAsker.ts supplies the workbench one.
import { buildQueryExpression, describeQueryExpression, type MailQueryForm, type MessageKind } from '../../../backup/mailQuery';
import { parsePointInTime } from '../../../backup/naturalDate';
import { validateQueryExpression } from '../../../backup/queryExpression';
import { BACK, type StepResult } from '../wizard';
import { l10n } from '../../../backup/l10n';

export interface FormStep {
  step: number;
  totalSteps: number;
}

export interface FormAsker {
  text(step: FormStep & { prompt: string; value: string; placeholder?: string; validate: (text: string) => string | undefined }): Promise<StepResult<string>>;
  /** The answer is wrapped: `{ value: undefined }` is a choice ("any"), not a cancel. */
  choice<T>(step: FormStep & { placeholder: string; items: { label: string; description?: string; value: T }[]; current: T }): Promise<StepResult<{ value: T }>>;
}

export interface MailQuery {
  form: MailQueryForm;
  expression: string;
  /** The expression in words: `Mail from Debra with 'invoice' in the subject`. */
  description: string;
}

const kinds = (): { label: string; value: MessageKind | undefined }[] => [
  { label: l10n.t('Any kind of item'), value: undefined },
  { label: l10n.t('Mail'), value: 'mail' },
  { label: l10n.t('Calendar items'), value: 'calendar' },
  { label: l10n.t('Contacts'), value: 'contact' },
  { label: l10n.t('Tasks'), value: 'task' },
  { label: l10n.t('Notes'), value: 'note' },
];

const text = (value: string | undefined) => value?.trim() || undefined;

/** Asks the fields from `firstStep` on (the steps before are the mailbox and the point in time). */
export async function askMailQuery(ask: FormAsker, firstStep: number, totalSteps: number, start: MailQueryForm = {}, now = Date.now()): Promise<StepResult<MailQuery>> {
  const form: MailQueryForm = { ...start };
  let advanced: string | undefined;
  const at = (index: number): FormStep => ({ step: firstStep + index, totalSteps });
  const steps: (() => Promise<StepResult<unknown>>)[] = [
    () => ask.text({ ...at(0), prompt: l10n.t('From whom? An address matches exactly, a name matches its beginning. Leave empty for anyone.'), value: form.sender ?? '', placeholder: l10n.t('debrab@contoso.com or Debra'), validate: () => undefined })
      .then((v) => keep(v, (s) => (form.sender = text(s)))),
    () => ask.text({ ...at(1), prompt: l10n.t('Sent to or with whom (To, Cc or Bcc)? Leave empty for anyone.'), value: form.participants ?? '', placeholder: l10n.t('leeg@contoso.com'), validate: () => undefined })
      .then((v) => keep(v, (s) => (form.participants = text(s)))),
    () => ask.text({ ...at(2), prompt: l10n.t('Subject contains (leave empty for any subject)'), value: form.subjectContains ?? '', placeholder: l10n.t('invoice'), validate: () => undefined })
      .then((v) => keep(v, (s) => (form.subjectContains = text(s)))),
    () => ask.choice({
      ...at(3), placeholder: l10n.t('Attachments?'), current: form.hasAttachment,
      items: [{ label: l10n.t('With or without attachments'), value: undefined }, { label: l10n.t('Only items with attachments'), value: true as boolean | undefined }, { label: l10n.t('Only items without attachments'), value: false }],
    }).then((v) => keep(v, (b) => (form.hasAttachment = b.value))),
    () => ask.text({
      ...at(4), value: betweenText(form),
      prompt: l10n.t('Received, changed or deleted between (start .. end; either side may be empty). Exchange records one time per item for this search: when it last changed or was deleted.'),
      placeholder: l10n.t('2026-11-01 .. yesterday 18:00'), validate: (s) => readBetween(s, now).message,
    }).then((v) => keep(v, (s) => (form.changedBetween = readBetween(s, now).range))),
    () => ask.choice({ ...at(5), placeholder: l10n.t('Which kind of items?'), current: form.kind, items: kinds() })
      .then((v) => keep(v, (k) => (form.kind = k.value))),
    () => ask.text({
      ...at(6), value: advanced ?? buildQueryExpression(form), placeholder: l10n.t('(Subject -like \'*invoice*\')'),
      prompt: l10n.t('{0}. This is the search sent to Exchange; edit it to use the full syntax, or press Enter.', describeQueryExpression(advanced ?? buildQueryExpression(form))),
      validate: (s) => (s.trim() ? validateQueryExpression(s) : l10n.t('Fill in at least one field (go Back) or type a search expression.')),
    }).then((v) => keep(v, (s) => (advanced = s.trim() === buildQueryExpression(form) ? undefined : s.trim()))),
  ];
  for (let index = 0; index < steps.length;) {
    const result = await steps[index]();
    if (result === undefined) return undefined;
    if (result === BACK) {
      if (index === 0) return BACK;
      index--;
    } else index++;
  }
  const expression = advanced ?? buildQueryExpression(form);
  return { form, expression, description: describeQueryExpression(expression) };
}

/** Applies an answer and passes on whether the walk goes on, back, or stops. */
function keep<T>(value: StepResult<T>, apply: (value: T) => void): StepResult<true> {
  if (value === undefined) return undefined;
  if (value === BACK) return BACK;
  apply(value);
  return true;
}

function betweenText(form: MailQueryForm): string {
  const { start, end } = form.changedBetween ?? {};
  return start || end ? `${start ?? ''} .. ${end ?? ''}` : '';
}

/** `start .. end`, each side optional, in any form the point-in-time step accepts. */
function readBetween(input: string, now: number): { range?: { start?: string; end?: string }; message?: string } {
  if (!input.trim()) return {};
  const [startText = '', endText = '', extra] = input.split('..').map((s) => s.trim());
  if (extra !== undefined) return { message: l10n.t('Write one range: start .. end.') };
  const side = (s: string) => (s ? parsePointInTime(s, { now }) : undefined);
  const start = side(startText);
  const end = side(endText);
  for (const parsed of [start, end]) if (parsed && !parsed.ok) return { message: parsed.message };
  const startMs = start?.ok ? start.ms : undefined;
  const endMs = end?.ok ? end.ms : undefined;
  if (startMs !== undefined && endMs !== undefined && startMs >= endMs) return { message: l10n.t('The start must be before the end.') };
  return { range: { start: startMs === undefined ? undefined : new Date(startMs).toISOString(), end: endMs === undefined ? undefined : new Date(endMs).toISOString() } };
}
