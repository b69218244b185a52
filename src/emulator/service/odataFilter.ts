// A small `$filter` language: comparisons (`eq ne gt ge lt le`), `in (...)`, `and`, `or`, `not` and parentheses,
// over the few properties each collection declares filterable. Anything else is a 400 naming what was not
// understood: the emulator never ignores a filter it cannot apply.
import { badRequest } from '../errors';

export type FilterPropertyType = 'enum' | 'dateTime' | 'string';

export interface FilterProperty<T> {
  type: FilterPropertyType;
  /** For enums: the declared members, and those needing `Prefer: include-unknown-enum-members`. */
  members?: readonly string[];
  evolvable?: readonly string[];
  /** The value as the caller sees it (after enum substitution for this request). */
  get: (item: T) => string | null | undefined;
}

export type FilterSchema<T> = Record<string, FilterProperty<T>>;

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'cmp'; property: string; op: string; value: string | null }
  | { kind: 'in'; property: string; values: (string | null)[] };

const COMPARISON_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const MAX_CLAUSES = 50;
/** Nested parentheses and `not`s: deeper expressions are refused before the recursion could exhaust the stack. */
export const MAX_FILTER_DEPTH = 400;

interface Token { kind: 'string' | 'word' | '(' | ')' | ','; text: string }

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { tokens.push({ kind: c, text: c }); i++; continue; }
    if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw badRequest('BadRequest', 'Invalid $filter: a string literal is not closed.');
        if (source[i] === "'") {
          if (source[i + 1] === "'") { text += "'"; i += 2; continue; }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ kind: 'string', text });
      continue;
    }
    const match = /^[A-Za-z0-9_.:+\-/]+/.exec(source.slice(i));
    if (!match) throw badRequest('BadRequest', `Invalid $filter: unexpected character '${c}' at position ${i}.`);
    tokens.push({ kind: 'word', text: match[0] });
    i += match[0].length;
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  clauses = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.pos < this.tokens.length) throw badRequest('BadRequest', `Invalid $filter: unexpected '${this.tokens[this.pos].text}'.`);
    return node;
  }

  private peekWord(word: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  }

  private expect(kind: Token['kind']): Token {
    const t = this.tokens[this.pos];
    if (!t || t.kind !== kind) throw badRequest('BadRequest', `Invalid $filter: expected '${kind}' but found ${t ? `'${t.text}'` : 'the end'}.`);
    this.pos++;
    return t;
  }

  private or(): Node {
    let left = this.and();
    while (this.peekWord('or')) { this.pos++; left = { kind: 'or', left, right: this.and() }; }
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.peekWord('and')) { this.pos++; left = { kind: 'and', left, right: this.unary() }; }
    return left;
  }

  private unary(): Node {
    if (this.peekWord('not')) { this.pos++; return { kind: 'not', operand: this.nested(() => this.unary()) }; }
    if (this.tokens[this.pos]?.kind === '(') {
      this.pos++;
      const inner = this.nested(() => this.or());
      this.expect(')');
      return inner;
    }
    return this.comparison();
  }

  private nested(parse: () => Node): Node {
    if (++this.depth > MAX_FILTER_DEPTH) throw badRequest('BadRequest', `Invalid $filter: it is nested more than ${MAX_FILTER_DEPTH} levels deep.`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private literal(): string | null {
    const t = this.tokens[this.pos++];
    if (!t) throw badRequest('BadRequest', 'Invalid $filter: a value is missing at the end.');
    if (t.kind === 'string') return t.text;
    if (t.kind === 'word') return t.text.toLowerCase() === 'null' ? null : t.text;
    throw badRequest('BadRequest', `Invalid $filter: expected a value but found '${t.text}'.`);
  }

  private comparison(): Node {
    if (++this.clauses > MAX_CLAUSES) throw badRequest('FilterLengthExceeded', `The $filter has more than ${MAX_CLAUSES} clauses.`);
    const property = this.expect('word').text;
    const opToken = this.expect('word');
    const op = opToken.text.toLowerCase();
    if (op === 'in') {
      this.expect('(');
      const values = [this.literal()];
      while (this.tokens[this.pos]?.kind === ',') { this.pos++; values.push(this.literal()); }
      this.expect(')');
      return { kind: 'in', property, values };
    }
    if (!COMPARISON_OPS.has(op)) throw badRequest('BadRequest', `Invalid $filter: the operator '${opToken.text}' is not supported (use eq, ne, gt, ge, lt, le, in, and, or, not).`);
    return { kind: 'cmp', property, op, value: this.literal() };
  }
}

export type Predicate<T> = (item: T) => boolean;

/** Parses and type-checks a `$filter` against `schema`; the result is a predicate over items. */
export function compileFilter<T>(source: string, schema: FilterSchema<T>, includeUnknownEnums: boolean): Predicate<T> {
  if (source.trim() === '') throw badRequest('BadRequest', 'Invalid $filter: the expression is empty.');
  const node = new Parser(tokenize(source)).parse();
  return compileNode(node, schema, includeUnknownEnums);
}

function propertyOf<T>(name: string, schema: FilterSchema<T>): FilterProperty<T> {
  const found = Object.entries(schema).find(([key]) => key.toLowerCase() === name.toLowerCase());
  if (!found) {
    const supported = Object.keys(schema).join(', ') || 'nothing';
    throw badRequest('BadRequest', `Filtering on '${name}' is not supported here; supported: ${supported}.`);
  }
  return found[1];
}

function checkValue<T>(name: string, prop: FilterProperty<T>, value: string | null, includeUnknownEnums: boolean): string | number | null {
  if (value === null) return null;
  if (prop.type === 'dateTime') {
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw badRequest('BadRequest', `Invalid $filter: '${value}' is not a DateTimeOffset for '${name}'.`);
    return ms;
  }
  if (prop.type === 'enum' && prop.members) {
    if (!prop.members.includes(value)) throw badRequest('BadRequest', `Invalid $filter: '${value}' is not a member of the enumeration of '${name}' (${prop.members.join(', ')}).`);
    if (!includeUnknownEnums && prop.evolvable?.includes(value)) {
      throw badRequest('BadRequest', `Filtering '${name}' on the evolvable member '${value}' requires the header 'Prefer: include-unknown-enum-members'.`);
    }
  }
  return value;
}

function compileNode<T>(node: Node, schema: FilterSchema<T>, includeUnknownEnums: boolean): Predicate<T> {
  switch (node.kind) {
    case 'and': {
      const l = compileNode(node.left, schema, includeUnknownEnums);
      const r = compileNode(node.right, schema, includeUnknownEnums);
      return (item) => l(item) && r(item);
    }
    case 'or': {
      const l = compileNode(node.left, schema, includeUnknownEnums);
      const r = compileNode(node.right, schema, includeUnknownEnums);
      return (item) => l(item) || r(item);
    }
    case 'not': {
      const inner = compileNode(node.operand, schema, includeUnknownEnums);
      return (item) => !inner(item);
    }
    case 'in': {
      const prop = propertyOf(node.property, schema);
      const values = new Set(node.values.map((v) => checkValue(node.property, prop, v, includeUnknownEnums)));
      if (prop.type === 'dateTime') {
        return (item) => values.has(toMs(prop.get(item)));
      }
      return (item) => values.has(prop.get(item) ?? null);
    }
    case 'cmp': {
      const prop = propertyOf(node.property, schema);
      const expected = checkValue(node.property, prop, node.value, includeUnknownEnums);
      if (prop.type !== 'dateTime' && !['eq', 'ne'].includes(node.op)) {
        throw badRequest('BadRequest', `Invalid $filter: '${node.op}' cannot be used with '${node.property}'; use eq, ne or in.`);
      }
      const read = prop.type === 'dateTime' ? (item: T) => toMs(prop.get(item)) : (item: T) => prop.get(item) ?? null;
      return (item) => compare(read(item), node.op, expected);
    }
  }
}

function toMs(value: string | null | undefined): number | null {
  if (value == null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function compare(actual: string | number | null, op: string, expected: string | number | null): boolean {
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  if (actual === null || expected === null) return false;
  switch (op) {
    case 'gt': return actual > expected;
    case 'ge': return actual >= expected;
    case 'lt': return actual < expected;
    default: return actual <= expected;
  }
}
