import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root: `src/..` when run from source (tests), `lib/..` when run compiled. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface PackageJson {
  name?: string;
  version?: string;
  homepage?: string;
}

function readPackageJson(): PackageJson {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;
  } catch {
    // A copied-out bundle without package.json still reports something honest.
    return {};
  }
}

const packageJson = readPackageJson();

export const TOOL_NAME = 'mcp-oauth-guard';
export const TOOL_VERSION = packageJson.version ?? '0.0.0-unknown';
export const TOOL_INFORMATION_URI = packageJson.homepage ?? `https://www.npmjs.com/package/${TOOL_NAME}`;
