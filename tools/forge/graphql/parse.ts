// A small GraphQL parser: operations, variables, fields with arguments and
// aliases, fragments and @skip/@include. Enough for what GitHub clients send;
// no SDL, no subscriptions semantics.

export type Value =
  | { kind: 'variable'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: Value[] }
  | { kind: 'object'; fields: Record<string, Value> };

export interface Location {
  line: number;
  column: number;
}

export interface Directive {
  name: string;
  args: Record<string, Value>;
}

export interface FieldNode {
  kind: 'field';
  alias?: string;
  name: string;
  args: Record<string, Value>;
  directives: Directive[];
  selections?: Selection[];
  loc: Location;
}

export interface InlineFragmentNode {
  kind: 'inline';
  typeCondition?: string;
  directives: Directive[];
  selections: Selection[];
}

export interface SpreadNode {
  kind: 'spread';
  name: string;
  directives: Directive[];
  loc: Location;
}

export type Selection = FieldNode | InlineFragmentNode | SpreadNode;

export interface VariableDefinition {
  name: string;
  type: string;
  defaultValue?: Value;
}

export interface OperationNode {
  operation: 'query' | 'mutation' | 'subscription';
  name?: string;
  variables: VariableDefinition[];
  selections: Selection[];
}

export interface FragmentNode {
  name: string;
  typeCondition: string;
  selections: Selection[];
}

export interface DocumentNode {
  operations: OperationNode[];
  fragments: Map<string, FragmentNode>;
}

export class GraphQLSyntaxError extends Error {
  constructor(
    message: string,
    readonly loc: Location,
  ) {
    super(message);
  }
}

type TokenKind = 'name' | 'punct' | 'string' | 'int' | 'float' | 'eof';

interface Token {
  kind: TokenKind;
  value: string;
  loc: Location;
}

const PUNCT = new Set(['{', '}', '(', ')', '[', ']', ':', '!', '$', '=', '@', '|', '&']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const loc = (at: number): Location => ({ line, column: at - lineStart + 1 });
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\n') {
      i += 1;
      line += 1;
      lineStart = i;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',' || ch === '\ufeff') {
      i += 1;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', loc: loc(i) });
      i += 3;
    } else if (PUNCT.has(ch)) {
      tokens.push({ kind: 'punct', value: ch, loc: loc(i) });
      i += 1;
    } else if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end === -1) throw new GraphQLSyntaxError('Unterminated block string', loc(i));
      const raw = source.slice(i + 3, end);
      tokens.push({ kind: 'string', value: raw.replace(/\\"""/g, '"""'), loc: loc(i) });
      for (const c of raw) if (c === '\n') line += 1;
      i = end + 3;
    } else if (ch === '"') {
      const start = i;
      let value = '';
      i += 1;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\n') throw new GraphQLSyntaxError('Unterminated string', loc(start));
        if (source[i] === '\\') {
          const esc = source[i + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
          if (esc === 'u') {
            value += String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
          } else {
            value += map[esc] ?? esc;
            i += 2;
          }
        } else {
          value += source[i];
          i += 1;
        }
      }
      if (source[i] !== '"') throw new GraphQLSyntaxError('Unterminated string', loc(start));
      i += 1;
      tokens.push({ kind: 'string', value, loc: loc(start) });
    } else {
      const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
      const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(i));
      if (number) {
        tokens.push({ kind: number[1] || number[2] ? 'float' : 'int', value: number[0], loc: loc(i) });
        i += number[0].length;
      } else if (name) {
        tokens.push({ kind: 'name', value: name[0], loc: loc(i) });
        i += name[0].length;
      } else {
        throw new GraphQLSyntaxError(`Unexpected character "${ch}"`, loc(i));
      }
    }
  }
  tokens.push({ kind: 'eof', value: '<EOF>', loc: loc(i) });
  return tokens;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private is(value: string): boolean {
    const t = this.peek();
    return (t.kind === 'punct' || t.kind === 'name') && t.value === value;
  }

  private expect(value: string): Token {
    const t = this.next();
    if (t.value !== value || (t.kind !== 'punct' && t.kind !== 'name')) {
      throw new GraphQLSyntaxError(`Expected "${value}", found "${t.value}"`, t.loc);
    }
    return t;
  }

  private name(): string {
    const t = this.next();
    if (t.kind !== 'name') throw new GraphQLSyntaxError(`Expected a name, found "${t.value}"`, t.loc);
    return t.value;
  }

  document(): DocumentNode {
    const doc: DocumentNode = { operations: [], fragments: new Map() };
    while (this.peek().kind !== 'eof') {
      if (this.is('{')) {
        doc.operations.push({ operation: 'query', variables: [], selections: this.selectionSet() });
      } else if (this.is('fragment')) {
        this.next();
        const name = this.name();
        this.expect('on');
        const typeCondition = this.name();
        this.directives();
        doc.fragments.set(name, { name, typeCondition, selections: this.selectionSet() });
      } else if (this.is('query') || this.is('mutation') || this.is('subscription')) {
        const operation = this.name() as OperationNode['operation'];
        const name = this.peek().kind === 'name' ? this.name() : undefined;
        const variables = this.is('(') ? this.variableDefinitions() : [];
        this.directives();
        doc.operations.push({ operation, name, variables, selections: this.selectionSet() });
      } else {
        const t = this.peek();
        throw new GraphQLSyntaxError(`Unexpected "${t.value}"`, t.loc);
      }
    }
    return doc;
  }

  private variableDefinitions(): VariableDefinition[] {
    const defs: VariableDefinition[] = [];
    this.expect('(');
    while (!this.is(')')) {
      this.expect('$');
      const name = this.name();
      this.expect(':');
      const type = this.type();
      const defaultValue = this.is('=') ? (this.next(), this.value()) : undefined;
      this.directives();
      defs.push({ name, type, defaultValue });
    }
    this.expect(')');
    return defs;
  }

  private type(): string {
    let type: string;
    if (this.is('[')) {
      this.next();
      type = `[${this.type()}]`;
      this.expect(']');
    } else {
      type = this.name();
    }
    if (this.is('!')) {
      this.next();
      type += '!';
    }
    return type;
  }

  private selectionSet(): Selection[] {
    this.expect('{');
    const selections: Selection[] = [];
    while (!this.is('}')) selections.push(this.selection());
    this.expect('}');
    if (selections.length === 0) throw new GraphQLSyntaxError('Empty selection set', this.peek().loc);
    return selections;
  }

  private selection(): Selection {
    if (this.is('...')) {
      const start = this.next();
      if (this.is('on')) {
        this.next();
        const typeCondition = this.name();
        return { kind: 'inline', typeCondition, directives: this.directives(), selections: this.selectionSet() };
      }
      if (this.is('{') || this.is('@')) {
        return { kind: 'inline', directives: this.directives(), selections: this.selectionSet() };
      }
      return { kind: 'spread', name: this.name(), directives: this.directives(), loc: start.loc };
    }
    const loc = this.peek().loc;
    let name = this.name();
    let alias: string | undefined;
    if (this.is(':')) {
      this.next();
      alias = name;
      name = this.name();
    }
    const args = this.is('(') ? this.arguments() : {};
    const directives = this.directives();
    const selections = this.is('{') ? this.selectionSet() : undefined;
    return { kind: 'field', alias, name, args, directives, selections, loc };
  }

  private arguments(): Record<string, Value> {
    const args: Record<string, Value> = {};
    this.expect('(');
    while (!this.is(')')) {
      const name = this.name();
      this.expect(':');
      args[name] = this.value();
    }
    this.expect(')');
    return args;
  }

  private directives(): Directive[] {
    const directives: Directive[] = [];
    while (this.is('@')) {
      this.next();
      const name = this.name();
      directives.push({ name, args: this.is('(') ? this.arguments() : {} });
    }
    return directives;
  }

  private value(): Value {
    const t = this.next();
    switch (t.kind) {
      case 'int':
        return { kind: 'literal', value: Number.parseInt(t.value, 10) };
      case 'float':
        return { kind: 'literal', value: Number.parseFloat(t.value) };
      case 'string':
        return { kind: 'literal', value: t.value };
      case 'name':
        if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true' };
        if (t.value === 'null') return { kind: 'literal', value: null };
        return { kind: 'enum', value: t.value };
      case 'punct':
        if (t.value === '$') return { kind: 'variable', name: this.name() };
        if (t.value === '[') {
          const values: Value[] = [];
          while (!this.is(']')) values.push(this.value());
          this.expect(']');
          return { kind: 'list', values };
        }
        if (t.value === '{') {
          const fields: Record<string, Value> = {};
          while (!this.is('}')) {
            const name = this.name();
            this.expect(':');
            fields[name] = this.value();
          }
          this.expect('}');
          return { kind: 'object', fields };
        }
    }
    throw new GraphQLSyntaxError(`Unexpected "${t.value}"`, t.loc);
  }
}

export function parseGraphQL(source: string): DocumentNode {
  return new Parser(tokenize(source)).document();
}
