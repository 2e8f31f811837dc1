import { parseCommandLine } from '../../src/cli/args.js';

describe('parseCommandLine', () => {
  test('scan defaults to the current directory, text output and the config fail_on', () => {
    expect(parseCommandLine(['scan'])).toEqual({ kind: 'scan', paths: ['.'], format: 'text', noIgnore: false, allowEmpty: false });
  });

  test('every option', () => {
    expect(parseCommandLine(['scan', 'src', 'server.ts', '--format', 'sarif', '--config', 'ci.yml', '--fail-on=warning', '--output', 'out.sarif', '--no-ignore', '--allow-empty'])).toEqual({
      kind: 'scan',
      paths: ['src', 'server.ts'],
      format: 'sarif',
      configPath: 'ci.yml',
      failOn: 'warning',
      outputPath: 'out.sarif',
      noIgnore: true,
      allowEmpty: true,
    });
  });

  test.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['help'], 'help'],
    [['scan', '--help'], 'help'],
    [['--version'], 'version'],
    [['-v'], 'version'],
  ])('%p → %s', (argv, kind) => {
    expect(parseCommandLine(argv).kind).toBe(kind);
  });

  test.each([
    [[], 'missing command'],
    [['lint'], "unknown command 'lint'"],
    [['scan', '--format', 'xml'], "--format must be one of text, json, sarif (got 'xml')"],
    [['scan', '--fail-on', 'high'], "--fail-on must be one of error, warning, note, never (got 'high')"],
    [['scan', '--colour'], "unknown option '--colour'"],
    [['scan', '--format'], "'--format"],
    [['scan', '--config', ''], '--config needs a file name'],
  ])('%p is a usage error: %s', (argv, message) => {
    const command = parseCommandLine(argv);
    expect(command.kind).toBe('usage-error');
    expect(command.kind === 'usage-error' && command.message).toContain(message);
  });
});
