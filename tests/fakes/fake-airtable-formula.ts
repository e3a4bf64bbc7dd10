// The small part of Airtable's formula language the fake understands: enough
// for the store's lookups and for injection attempts to behave as on Airtable
// (string literals with backslash escapes, {Field} references, = and !=,
// OR/AND/NOT/TRUE/FALSE, numbers, and the purge's dates: IF, IS_BEFORE,
// DATETIME_PARSE of an ISO string). Anything else is an invalid formula.

type Value = string | number | boolean;

export class FormulaError extends Error {}

type Token =
  | { kind: 'field'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'punct'; value: '(' | ')' | ',' | '=' | '!=' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '{') {
      const end = source.indexOf('}', index);
      if (end < 0) throw new FormulaError('unclosed field reference');
      tokens.push({ kind: 'field', name: source.slice(index + 1, end) });
      index = end + 1;
    } else if (char === '"' || char === "'") {
      let value = '';
      index += 1;
      for (;;) {
        if (index >= source.length) throw new FormulaError('unclosed string');
        const next = source.charAt(index);
        if (next === '\\') {
          value += source.charAt(index + 1);
          index += 2;
        } else if (next === char) {
          index += 1;
          break;
        } else {
          value += next;
          index += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(index));
      const text = match?.[0] ?? char;
      tokens.push({ kind: 'number', value: Number(text) });
      index += text.length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index));
      const text = match?.[0] ?? char;
      tokens.push({ kind: 'name', name: text.toUpperCase() });
      index += text.length;
    } else if (char === '!' && source.charAt(index + 1) === '=') {
      tokens.push({ kind: 'punct', value: '!=' });
      index += 2;
    } else if (char === '(' || char === ')' || char === ',' || char === '=') {
      tokens.push({ kind: 'punct', value: char });
      index += 1;
    } else {
      throw new FormulaError(`unexpected character ${char}`);
    }
  }
  return tokens;
}

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'field'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'compare'; op: '=' | '!='; left: Node; right: Node };

/** Parses a formula; the field names it uses must be among `knownFields`. */
export function parseFormula(source: string, knownFields: ReadonlySet<string>): Node {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isPunct = (token: Token | undefined, value: string): boolean =>
    token?.kind === 'punct' && token.value === value;

  const primary = (): Node => {
    const token = tokens[position];
    position += 1;
    if (token === undefined) throw new FormulaError('unexpected end of formula');
    if (token.kind === 'string' || token.kind === 'number')
      return { kind: 'literal', value: token.value };
    if (token.kind === 'field') {
      if (!knownFields.has(token.name))
        throw new FormulaError(`Unknown field names: ${token.name}`);
      return { kind: 'field', name: token.name };
    }
    if (token.kind === 'name') {
      if (!isPunct(peek(), '(')) throw new FormulaError(`unknown name ${token.name}`);
      position += 1;
      const args: Node[] = [];
      if (!isPunct(peek(), ')')) {
        for (;;) {
          args.push(comparison());
          if (isPunct(peek(), ',')) {
            position += 1;
            continue;
          }
          break;
        }
      }
      if (!isPunct(peek(), ')')) throw new FormulaError('expected )');
      position += 1;
      if (
        !['OR', 'AND', 'NOT', 'TRUE', 'FALSE', 'IF', 'IS_BEFORE', 'DATETIME_PARSE'].includes(
          token.name,
        )
      ) {
        throw new FormulaError(`unknown function ${token.name}`);
      }
      return { kind: 'call', name: token.name, args };
    }
    throw new FormulaError('unexpected token');
  };

  const comparison = (): Node => {
    const left = primary();
    const next = peek();
    if (next?.kind === 'punct' && (next.value === '=' || next.value === '!=')) {
      position += 1;
      return { kind: 'compare', op: next.value, left, right: primary() };
    }
    return left;
  };

  const root = comparison();
  if (position !== tokens.length) throw new FormulaError('unexpected text after the formula');
  return root;
}

function truthy(value: Value): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return value !== 0;
  return value;
}

function cellValue(cell: unknown): Value {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean')
    return cell;
  if (Array.isArray(cell)) return cell.map(String).join(', ');
  return JSON.stringify(cell);
}

/** Whether a record with these fields matches the formula (Airtable keeps records whose result is truthy). */
export function evaluateFormula(node: Node, fields: Record<string, unknown>): boolean {
  return truthy(evaluate(node, fields));
}

function evaluate(node: Node, fields: Record<string, unknown>): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field':
      return cellValue(fields[node.name]);
    case 'compare': {
      const equal = String(evaluate(node.left, fields)) === String(evaluate(node.right, fields));
      return node.op === '=' ? equal : !equal;
    }
    case 'call': {
      const [first, second, third] = node.args;
      if (node.name === 'IF') {
        const chosen = first !== undefined && truthy(evaluate(first, fields)) ? second : third;
        return chosen === undefined ? '' : evaluate(chosen, fields);
      }
      if (node.name === 'DATETIME_PARSE') {
        // An ISO instant, as the store sends it; anything else is an error value (blank here).
        const text = first === undefined ? '' : String(evaluate(first, fields));
        return Number.isNaN(Date.parse(text)) ? '' : new Date(text).toISOString();
      }
      if (node.name === 'IS_BEFORE') {
        // Airtable compares instants; a blank date makes the comparison false.
        const [a, b] = [first, second].map((arg) =>
          arg === undefined ? Number.NaN : Date.parse(String(evaluate(arg, fields))),
        );
        return a !== undefined && b !== undefined && a < b;
      }
      const values = node.args.map((arg) => truthy(evaluate(arg, fields)));
      if (node.name === 'OR') return values.some(Boolean);
      if (node.name === 'AND') return values.every(Boolean);
      if (node.name === 'NOT') return !(values[0] ?? false);
      return node.name === 'TRUE';
    }
  }
}
