import { Project } from '../../src/analyzer/engine/project.js';
import { relativeCandidates, relativeSpecifiers } from '../../src/analyzer/engine/specifiers.js';

describe('relativeSpecifiers: what the app reads ahead of the analysis', () => {
  test('every form of relative import, each once, packages left out', () => {
    const text = [
      "import pino from 'pino';",
      "import { save } from './store.js';",
      'import {',
      '  a,',
      '  b,',
      "} from '../shared/log';",
      "import type { T } from './types';",
      "import './polyfill.js';",
      "export * from './reexport.js';",
      "export { x as y } from \"./named\";",
      "import legacy = require('./legacy');",
      "const cjs = require('./cjs.cjs');",
      "const lazy = await import('./lazy.mjs');",
      "const again = require('./store.js');",
      "const computed = require(name);",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(relativeSpecifiers(text)).toEqual(['./store.js', '../shared/log', './types', './polyfill.js', './reexport.js', './named', './legacy', './cjs.cjs', './lazy.mjs']);
  });

  test('an import clause is looked for within 2,000 characters of its keyword, so the scan stays linear', () => {
    expect(relativeSpecifiers(`import a\n${' '.repeat(1_000)}from './near.js'`)).toEqual(['./near.js']);
    expect(relativeSpecifiers(`export const a = 1\n${'x'.repeat(3_000)} from './far.js'`)).toEqual([]);
  });
});

describe('relativeCandidates is the resolution the project view uses', () => {
  test('the first candidate present is the module Project.resolve picks', () => {
    const files = ['src/app.ts', 'src/store.ts', 'src/log/index.ts', 'lib/util.js'].map((path) => ({ path, text: '' }));
    const project = Project.of(files);
    const paths = new Set(files.map((file) => file.path));
    for (const specifier of ['./store.js', './log', '../lib/util', './missing', 'pino']) {
      const picked = relativeCandidates('src/app.ts', specifier).find((candidate) => paths.has(candidate));
      expect(picked).toBe(project.resolve('src/app.ts', specifier));
    }
    expect(relativeCandidates('src/app.ts', './store.js').slice(0, 3)).toEqual(['src/store.js', 'src/store.ts', 'src/store.tsx']);
    expect(relativeCandidates('src/app.ts', 'pino')).toEqual([]);
  });
});
