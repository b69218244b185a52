// Checks a granular mailbox search expression before it is sent, e.g.
//   (Sender -eq 'a@contoso.com') -and (Subject -like '*invoice*') -and (HasAttachment -eq 'true')
// The service documents the shape by example only: parenthesised terms `(Property -operator 'value')`
// joined by -and / -or. We check that shape and say exactly where it breaks.

const OPERATORS = ['-eq', '-ne', '-like', '-gt', '-lt', '-ge', '-le'];
export const KNOWN_PROPERTIES = ['Sender', 'Recipients', 'Subject', 'HasAttachment', 'Participants', 'PitrDumpsterActionTriggeredTime', 'ItemClass', 'Body'];

export const QUERY_EXAMPLES = [
  "(Sender -eq 'adelev@contoso.onmicrosoft.com')",
  "(Subject -like '*invoice*') -and (HasAttachment -eq 'true')",
  "(PitrDumpsterActionTriggeredTime -gt '{2026-11-01T00:00:00.0000000Z}')",
];

/** undefined when the expression is well formed, else a message that says what is wrong and where. */
export function validateQueryExpression(expression: string): string | undefined {
  const text = expression.trim();
  if (!text) return 'Enter a search expression, for example ' + QUERY_EXAMPLES[0];
  let rest = text;
  let index = 0;
  for (;;) {
    const term = /^\(\s*([A-Za-z]+)\s+(-[a-z]+)\s+'((?:[^']|'')*)'\s*\)/.exec(rest);
    if (!term) return `Term ${index + 1} should look like (Property -operator 'value'), near: ${rest.slice(0, 40)}`;
    const [, property, operator] = term;
    if (!KNOWN_PROPERTIES.some((p) => p.toLowerCase() === property.toLowerCase())) {
      return `Unknown property "${property}" in term ${index + 1}; use one of ${KNOWN_PROPERTIES.join(', ')}.`;
    }
    if (!OPERATORS.includes(operator.toLowerCase())) return `Unknown operator "${operator}" in term ${index + 1}; use one of ${OPERATORS.join(' ')}.`;
    rest = rest.slice(term[0].length).trim();
    index++;
    if (!rest) return undefined;
    const join = /^(-and|-or)\s+/i.exec(rest);
    if (!join) return `Expected -and or -or after term ${index}, near: ${rest.slice(0, 40)}`;
    rest = rest.slice(join[0].length);
  }
}
