/**
 * A JSON parser that keeps the literal text of every number.
 *
 * The backend's validator (Jackson) distinguishes `1` from `1.0`: a `float` field needs a number
 * written with a decimal point or exponent, an `int` field an integer literal within 32 bits
 * (backend-contract.md §5.4). `JSON.parse` forgets how a number was written, and Node 20 has no
 * reviver access to the source text, so we parse ourselves. Strings are sliced straight out of
 * the input when they hold no escapes, which keeps long sequences cheap.
 */

/** A JSON number together with how it was written. */
export class JsonNumber {
  constructor(readonly text: string) {}

  get value(): number {
    return Number(this.text);
  }

  /** Written with a decimal point or an exponent (Jackson: a floating-point node). */
  get isFloatLiteral(): boolean {
    return /[.eE]/.test(this.text);
  }

  /** An integer literal that fits a signed 32-bit int (Jackson: `isInt`). */
  get isInt32(): boolean {
    if (this.isFloatLiteral) return false;
    const n = Number(this.text);
    return n >= -2147483648 && n <= 2147483647;
  }

  toJSON(): number {
    return this.value;
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** Parses one JSON document; numbers become `JsonNumber`, objects have a null prototype. */
export function parseLosslessJson(text: string): JsonValue {
  const parser = new Parser(text);
  parser.skipWhitespace();
  const value = parser.parseValue();
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail(`Unexpected character ${describe(text[parser.pos])} after the JSON value`);
  return value;
}

/** Writes a parsed value back as compact JSON, numbers exactly as they were written. */
export function renderJson(value: JsonValue): string {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(renderJson).join(',')}]`;
  if (isJsonObject(value)) {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${renderJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Converts a parsed value to plain JavaScript values (numbers lose their literal form). */
export function toPlainJson(value: JsonValue): unknown {
  if (value instanceof JsonNumber) return value.value;
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (isJsonObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = toPlainJson(value[key]);
    return out;
  }
  return value;
}

function describe(char: string | undefined): string {
  if (char === undefined) return 'end of input';
  return `'${char}' (code ${char.charCodeAt(0)})`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f]/;
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  parseValue(): JsonValue {
    const char = this.text[this.pos];
    switch (char) {
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '"':
        return this.parseString();
      case 't':
        return this.parseKeyword('true', true);
      case 'f':
        return this.parseKeyword('false', false);
      case 'n':
        return this.parseKeyword('null', null);
      default:
        if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
        return this.fail(`Unexpected character ${describe(char)}`);
    }
  }

  private parseKeyword<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`Unrecognized token starting with ${describe(this.text[this.pos])}`);
    this.pos += word.length;
    return value;
  }

  private parseNumber(): JsonNumber {
    NUMBER_PATTERN.lastIndex = this.pos;
    const match = NUMBER_PATTERN.exec(this.text);
    if (!match) this.fail('Invalid number');
    this.pos += match[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next)) this.fail(`Invalid number, unexpected ${describe(next)}`);
    return new JsonNumber(match[0]);
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos + 1;
    let end = start;
    let escaped = false;
    for (;;) {
      end = text.indexOf('"', end);
      if (end < 0) {
        this.pos = text.length;
        this.fail('Unterminated string');
      }
      // Count the backslashes right before the quote: an odd number escapes it.
      let backslashes = 0;
      for (let i = end - 1; i >= start && text.charCodeAt(i) === 0x5c; i--) backslashes++;
      if (backslashes % 2 === 0) break;
      escaped = true;
      end++;
    }
    const raw = text.slice(start, end);
    if (!escaped && raw.indexOf('\\') >= 0) escaped = true;
    const control = CONTROL_CHARACTER.exec(raw);
    if (control) {
      this.pos = start + control.index;
      this.fail('Illegal unquoted control character in string');
    }
    this.pos = end + 1;
    if (!escaped) return raw;
    try {
      return JSON.parse(text.slice(start - 1, end + 1)) as string;
    } catch {
      this.pos = start;
      return this.fail('Invalid escape sequence in string');
    }
  }

  private parseArray(): JsonValue[] {
    const items: JsonValue[] = [];
    if (this.opensEmpty(']')) return items;
    do {
      this.skipWhitespace();
      items.push(this.parseValue());
    } while (!this.closesAfterItem(']', 'array'));
    return items;
  }

  private parseObject(): JsonObject {
    const object: JsonObject = Object.create(null) as JsonObject;
    if (this.opensEmpty('}')) return object;
    do {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail(`Unexpected character ${describe(this.text[this.pos])}: expected a field name`);
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`Unexpected character ${describe(this.text[this.pos])}: expected ':'`);
      this.pos++;
      this.skipWhitespace();
      object[key] = this.parseValue();
    } while (!this.closesAfterItem('}', 'object'));
    return object;
  }

  /** Steps over the opening bracket; true, and past `close`, when the container is empty. */
  private opensEmpty(close: ']' | '}'): boolean {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  /** After an item: true past the closing bracket, false past a comma; anything else fails. */
  private closesAfterItem(close: ']' | '}', container: 'array' | 'object'): boolean {
    this.skipWhitespace();
    const char = this.text[this.pos];
    if (char === ',') {
      this.pos++;
      return false;
    }
    if (char === close) {
      this.pos++;
      return true;
    }
    return this.fail(`Unexpected character ${describe(char)} in ${container}: expected ',' or '${close}'`);
  }
}
