import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonNumber, JsonSyntaxError, parseLosslessJson, renderJson, toPlainJson } from '../../src/contract/lossless-json.js';

describe('parseLosslessJson', () => {
  it('keeps how each number was written', () => {
    const value = parseLosslessJson('{"a":1,"b":1.0,"c":1e3,"d":-2147483649}') as Record<string, JsonNumber>;
    assert.equal(value.a.isInt32, true);
    assert.equal(value.a.isFloatLiteral, false);
    assert.equal(value.b.isFloatLiteral, true);
    assert.equal(value.b.isInt32, false);
    assert.equal(value.c.isFloatLiteral, true);
    assert.equal(value.d.isInt32, false);
    assert.equal(renderJson(value.b), '1.0');
  });
  it('agrees with JSON.parse on ordinary documents, escapes included', () => {
    const text = JSON.stringify({ s: 'a"b\\c\n\u00e9\u{1F600}', n: [1, -2.5, 3e-7], t: true, f: false, z: null, o: { '': {} } });
    assert.deepEqual(toPlainJson(parseLosslessJson(text)), JSON.parse(text));
  });
  it('rejects malformed input with a position', () => {
    for (const bad of ['', '{', '{"a":}', '[1,]', '01', '1.', '"a', '{"a":1}x', 'tru', '"\t"']) {
      assert.throws(() => parseLosslessJson(bad), JsonSyntaxError, bad);
    }
  });
  it('gives __proto__ no special meaning', () => {
    const value = parseLosslessJson('{"__proto__":{"x":1}}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__']);
  });
});
