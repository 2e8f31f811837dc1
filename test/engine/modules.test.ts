import { ts } from 'ts-morph';
import { Parser } from '../../src/analyzer/engine/parse.js';
import { importedModules, moduleRefOf, normalisedModuleRefOf } from '../../src/analyzer/engine/modules.js';
import { ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';

/** The resolver and the expression handed to the last `probe(...)` call of a snippet. */
function probe(code: string, path = 'probe.ts') {
  const { sourceFile } = new Parser().parse(path, code);
  const walked = walkFile(sourceFile, new Set([ts.SyntaxKind.CallExpression]));
  const values = new ValueResolver(walked);
  const calls = (walked.nodesByKind.get(ts.SyntaxKind.CallExpression) ?? []) as ts.CallExpression[];
  const call = calls.filter((c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe').pop()!;
  return { values, sourceFile, calls, argument: call.arguments[0]! };
}

describe('one import resolver: moduleRefOf', () => {
  test.each([
    ["import { writeFile } from 'node:fs/promises'; probe(writeFile);", { module: 'fs/promises', path: ['writeFile'] }],
    ["import * as fs from 'fs'; probe(fs.promises.writeFile);", { module: 'fs/promises', path: ['writeFile'] }],
    ["import fsp from 'node:fs/promises'; probe(fsp.writeFile);", { module: 'fs/promises', path: ['writeFile'] }],
    ["const { promises: p } = require('fs'); probe(p.appendFile);", { module: 'fs/promises', path: ['appendFile'] }],
    ["import fs = require('fs'); probe(fs.writeFileSync);", { module: 'fs', path: ['writeFileSync'] }],
    ["const m = await import('pino'); probe(m.default);", { module: 'pino', path: [] }],
    ["const logger = require('pino')(); probe(logger.child);", { module: 'pino', path: ['()', 'child'] }],
    ["const { google } = require('googleapis'); probe(google.auth['OAuth2']);", { module: 'googleapis', path: ['google', 'auth', 'OAuth2'] }],
  ])('%s', (code, expected) => {
    const { values, argument } = probe(code);
    expect(normalisedModuleRefOf(argument, values)).toEqual(expected);
  });

  test('keeps the specifier as written until asked to normalise', () => {
    const { values, argument } = probe("import fsp from 'node:fs/promises'; probe(fsp.default.writeFile);");
    expect(moduleRefOf(argument, values)).toEqual({ module: 'node:fs/promises', path: ['default', 'writeFile'] });
  });

  test('a local that shadows an import is not the module', () => {
    const { values, argument } = probe("import fs from 'fs'; function save(fs: Store) { probe(fs.writeFile); }");
    expect(moduleRefOf(argument, values)).toBeUndefined();
  });

  test('lists every module a file loads', () => {
    const { sourceFile, calls } = probe(`
      import a from 'a'; import type { B } from 'b'; export { c } from './c.js'; import d = require('d');
      const e = require('e'); const f = await import('f'); probe(1);
    `);
    expect([...importedModules(sourceFile, calls)].sort()).toEqual(['./c.js', 'a', 'b', 'd', 'e', 'f']);
  });
});
