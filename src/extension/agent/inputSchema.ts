// Checks a tool's input against the JSON schema the tool declares in package.json (the one copy of it): the
// subset those schemas use (object, string, integer, array, enum, pattern, lengths, bounds, required, no
// extra properties). VS Code may or may not check inputs before a tool runs; a model's input is checked here
// either way, and a refusal says which field is wrong and what it accepts, so the model can correct itself.
export interface InputSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'array' | 'boolean';
  properties?: Record<string, InputSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: InputSchema;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

/** The problems with `value`, each naming its field; empty when it is valid. */
export function schemaProblems(schema: InputSchema, value: unknown, field = 'input'): string[] {
  switch (schema.type) {
    case 'object': return objectProblems(schema, value, field);
    case 'array': {
      if (!Array.isArray(value)) return [`${field} must be a list`];
      const count = [
        ...(schema.minItems !== undefined && value.length < schema.minItems ? [`${field} needs at least ${entries(schema.minItems)}`] : []),
        ...(schema.maxItems !== undefined && value.length > schema.maxItems ? [`${field} takes at most ${entries(schema.maxItems)}`] : []),
      ];
      return [...count, ...value.flatMap((item, i) => (schema.items ? schemaProblems(schema.items, item, `${field}[${i}]`) : []))];
    }
    case 'string': {
      if (typeof value !== 'string') return [`${field} must be text`];
      if (schema.enum && !schema.enum.includes(value)) return [`${field} must be one of ${schema.enum.join(', ')}`];
      if (schema.minLength !== undefined && value.trim().length < schema.minLength) return [`${field} must be at least ${schema.minLength} characters`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return [`${field} is not in the expected form`];
      return [];
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) return [`${field} must be a ${schema.type === 'integer' ? 'whole ' : ''}number`];
      if (schema.minimum !== undefined && value < schema.minimum) return [`${field} must be at least ${schema.minimum}`];
      if (schema.maximum !== undefined && value > schema.maximum) return [`${field} must be at most ${schema.maximum}`];
      return [];
    }
    case 'boolean': return typeof value === 'boolean' ? [] : [`${field} must be true or false`];
    default: return [];
  }
}

function objectProblems(schema: InputSchema, value: unknown, field: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${field} must be an object`];
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const problems = (schema.required ?? []).filter((name) => record[name] === undefined).map((name) => `${name} is required`);
  for (const [name, item] of Object.entries(record)) {
    const declared = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
    if (!declared) {
      if (schema.additionalProperties === false) problems.push(`${name} is not a field of this tool (fields: ${Object.keys(properties).join(', ')})`);
    } else if (item !== undefined) {
      problems.push(...schemaProblems(declared, item, name));
    }
  }
  return problems;
}

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}
