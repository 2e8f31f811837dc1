import { Project, ts } from 'ts-morph';

export const SUPPORTED_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isSupportedPath(path: string): boolean {
  const lower = path.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * One in-memory ts-morph project reused for every file: rules walk `compilerNode`
 * directly, so no node is wrapped and no Program or type checker is built.
 */
export class Parser {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ES2022 },
  });

  parse(path: string, text: string): { sourceFile: ts.SourceFile; syntaxErrors: ts.DiagnosticWithLocation[] } {
    // A leading slash keeps odd relative names (spaces, unicode, `..`) inside the virtual root.
    const virtualPath = '/' + path.replace(/^\/+/, '');
    const wrapped = this.project.createSourceFile(virtualPath, text, { overwrite: true, scriptKind: scriptKindFor(path) });
    const sourceFile = wrapped.compilerNode;
    this.project.removeSourceFile(wrapped);
    const syntaxErrors = ((sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? []);
    return { sourceFile, syntaxErrors };
  }
}

function scriptKindFor(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
