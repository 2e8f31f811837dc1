import { ts } from 'ts-morph';
import { declaredTypeOf } from '../../src/analyzer/engine/declared-types.js';
import { Parser } from '../../src/analyzer/engine/parse.js';
import { ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';

/** The declared type of the expression handed to the last `probe(...)` call of a snippet. */
function typeOfProbe(code: string) {
  const { sourceFile } = new Parser().parse('probe.ts', code);
  const walked = walkFile(sourceFile, new Set([ts.SyntaxKind.CallExpression]));
  const values = new ValueResolver(walked);
  const calls = (walked.nodesByKind.get(ts.SyntaxKind.CallExpression) ?? []) as ts.CallExpression[];
  const call = calls.filter((c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe').pop()!;
  return declaredTypeOf(call.arguments[0]!, values);
}

describe('declaredTypeOf reads annotations, not names', () => {
  test.each([
    ['a parameter of a platform type', 'function f(kv: KVNamespace) { probe(kv); }', { name: 'KVNamespace', module: undefined }],
    ['an imported type under an alias', "import type { Redis as Cache } from '@upstash/redis'; function f(c: Cache) { probe(c); }", { name: 'Redis', module: '@upstash/redis' }],
    ['a qualified type of a namespace import', "import * as pino from 'pino'; function f(out: pino.Logger) { probe(out); }", { name: 'Logger', module: 'pino' }],
    ['a constructor parameter property', "import type { Logger } from 'winston'; class A { constructor(private audit: Logger) {} m() { probe(this.audit); } }", { name: 'Logger', module: 'winston' }],
    ['a class field, optional', 'class A { store?: KVNamespace | undefined; m() { probe(this.store); } }', { name: 'KVNamespace', module: undefined }],
    ['a member of a local interface', 'interface Env { GRANTS: KVNamespace } function f(env: Env) { probe(env.GRANTS); }', { name: 'KVNamespace', module: undefined }],
  ])('%s', (_name, code, expected) => {
    expect(typeOfProbe(code)).toEqual(expected);
  });

  test.each([
    ['no annotation', 'const kv = make(); probe(kv);'],
    ['a union of two types', 'function f(s: KVNamespace | Map<string, string>) { probe(s); }'],
    ['a member of an unknown type', 'function f(env: any) { probe(env.GRANTS); }'],
  ])('%s: unknown', (_name, code) => {
    expect(typeOfProbe(code)).toBeUndefined();
  });
});
