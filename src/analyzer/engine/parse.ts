import { ts } from './typescript.js';

export { isSupportedPath, SUPPORTED_EXTENSIONS } from '../paths.js';

/**
 * Parses with the TypeScript compiler that ts-morph ships (loaded by engine/typescript.ts). Rules walk the
 * compiler nodes directly: wrapping a whole file in ts-morph nodes costs more than the parse
 * (its comment scanning is quadratic on minified one-line bundles), and no Program or type
 * checker is built. A rule that wants ts-morph's API for one node can wrap just that node.
 */
export class Parser {
  parse(path: string, text: string): { sourceFile: ts.SourceFile; syntaxErrors: ts.DiagnosticWithLocation[] } {
    // Parent pointers are set by the engine's single walk (walkFile), not by a separate compiler pass.
    // No rule reads JSDoc, so the parser skips building it (a fifth of parse time on commented library code).
    const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
    const sourceFile = ts.createSourceFile(path, text, options, /* setParentNodes */ false, scriptKindFor(path));
    return { sourceFile, syntaxErrors: syntaxErrorsOf(sourceFile) };
  }
}

/** The syntax errors the parser recorded on a source file (kept with the tree, so a reused parse has them too). */
export function syntaxErrorsOf(sourceFile: ts.SourceFile): ts.DiagnosticWithLocation[] {
  return (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

function scriptKindFor(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
