import { bodyProblem, MAX_BODY_DEPTH } from './request-shape.js';

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('request shape: what no endpoint can take', () => {
  it('accepts ordinary bodies', () => {
    expect(bodyProblem({ year: 2027, lines: [{ org: '964965226', amount: 10 }], title: 'Lesing – æøå 📚' })).toBeNull();
    expect(bodyProblem(nested(MAX_BODY_DEPTH - 1))).toBeNull();
  });

  it('refuses a body nested 10,000 deep without overflowing the stack', () => {
    expect(bodyProblem(nested(10_000))).toMatchObject({ rule: 'maxDepth' });
  });

  it('refuses __proto__, constructor and prototype as keys, naming the field', () => {
    expect(bodyProblem(JSON.parse('{"lines":[{"__proto__":{"x":1}}]}'))).toEqual({
      field: 'lines[0].__proto__',
      rule: 'reservedName',
      message: '"__proto__" is not allowed as a field name',
    });
    expect(bodyProblem({ constructor: 1 })).toMatchObject({ field: 'constructor', rule: 'reservedName' });
    expect(bodyProblem({ id: 'prototype' })).toMatchObject({ field: 'id', rule: 'reservedName' });
  });

  it('refuses a NUL or a lone surrogate in any string or key, naming the field', () => {
    expect(bodyProblem({ title: 'a\u0000b' })).toMatchObject({ field: 'title', rule: 'isStorableText' });
    expect(bodyProblem({ tags: ['ok', 'x\ud800'] })).toMatchObject({ field: 'tags[1]', rule: 'isStorableText' });
    expect(bodyProblem({ title: '\udc00' })).toMatchObject({ field: 'title', rule: 'isStorableText' });
    expect(bodyProblem({ 'a\u0000': 1 })).toMatchObject({ rule: 'isStorableText' });
  });
});
