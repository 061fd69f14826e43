/**
 * Python compatibility helpers: `str()` of numbers, `int()`/`float()` leniency, and the Python
 * regex dialect with `re.match` semantics (§3.6, §7, §10 #6, #7, #23).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatValue } from '../../src/contract/entries.js';
import { compilePyRegex } from '../../src/metadata/pyregex.js';
import { parsePyFloat, parsePyInt, pyStr, pyStrip } from '../../src/metadata/python.js';

describe('pyStr', () => {
  const rows: [unknown, string][] = [
    [3, '3'],
    [new FloatValue(1), '1.0'],
    [0.98, '0.98'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [new FloatValue(1e16), '1e+16'],
    [new FloatValue(1.5e20), '1.5e+20'],
    [new FloatValue(123456789012345.6), '123456789012345.6'],
    [true, 'True'],
    [false, 'False'],
    [null, 'None'],
    [[1, 'a', null], "[1, 'a', None]"],
    [{ a: [true] }, "{'a': [True]}"],
  ];
  for (const [value, expected] of rows) test(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(pyStr(value), expected));
});

describe('int() and float()', () => {
  test('accepted like Python', () => {
    assert.equal(parsePyInt(' -7 '), -7n);
    assert.equal(parsePyInt('1_000_000'), 1000000n);
    assert.equal(parsePyInt('١٢'), 12n);
    assert.equal(parsePyFloat('1_0.5'), 10.5);
    assert.equal(parsePyFloat('-.5e-1'), -0.05);
    assert.equal(parsePyFloat('INFINITY'), Infinity);
    assert.ok(Number.isNaN(parsePyFloat('-nan')));
  });
  test('refused like Python', () => {
    for (const text of ['', '1__0', '_1', '1_', '0x10', '1.0', '1e3', '4 2']) assert.equal(parsePyInt(text), null, text);
    for (const text of ['', '.', 'e5', '1e', '1..2', '1_.5', 'infinit']) assert.equal(parsePyFloat(text), null, text);
    assert.equal(parsePyInt('9'.repeat(5000)), null, 'beyond CPython digit limit');
  });
  test('strip removes Unicode and ASCII separator whitespace only', () => {
    assert.equal(pyStrip('\u00a0\u2003 x y \n\u001f'), 'x y');
    assert.equal(pyStrip('\ufeffx'), '\ufeffx');
  });
});

describe('Python regex dialect', () => {
  const match = (pattern: string, text: string) => {
    const compiled = compilePyRegex(pattern);
    assert.ok(compiled.ok, pattern);
    return compiled.regex.match(text);
  };
  test('named groups and backreferences', () => {
    assert.equal(match('(?P<a>x+)-(?P=a)', 'xx-xx')?.groups?.a, 'xx');
    assert.equal(match('(?P<a>x+)-(?P=a)', 'xx-x'), null);
  });
  test('re.match: anchored at the start only', () => {
    assert.ok(match('ab', 'abc'));
    assert.equal(match('b', 'abc'), null);
    assert.equal(match('l.*', 'line1\nline2')?.[0], 'line1');
  });
  test('\\A, \\Z and leading inline flags', () => {
    assert.ok(match('\\Aab\\Z', 'ab'));
    assert.equal(match('\\Aab\\Z', 'abc'), null);
    assert.ok(match('(?i)abc', 'ABC'));
  });
  test('literal ] at the start of a class', () => {
    assert.ok(match('[]a]+$', ']a]'));
    assert.ok(match('[^]a]+$', 'xyz'));
  });
  test('unsupported constructs are refused with their name', () => {
    for (const [pattern, named] of [
      ['(?>a)', 'atomic'],
      ['a++', 'possessive'],
      ['(?(1)a|b)', 'conditional'],
      ['(?#note)a', 'comments'],
      ['(?x) a', 'verbose'],
      ['a(?i)b', 'inline flags'],
      ['(unclosed', 'not valid'],
    ]) {
      const compiled = compilePyRegex(pattern);
      assert.equal(compiled.ok, false, pattern);
      if (!compiled.ok) assert.match(compiled.problem, new RegExp(named), pattern);
    }
  });
});
