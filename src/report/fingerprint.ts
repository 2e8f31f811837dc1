/**
 * GitHub code scanning's `primaryLocationLineHash`, ported from github/codeql-action
 * `src/fingerprints.ts` so alerts keep their identity across runs exactly as if the
 * upload action had computed it: a rolling hash (base 37, mod 2^64) over the next 100
 * non-space, non-tab characters from each line's start, line endings normalised to '\n',
 * suffixed with ':<n>' for the n-th line with the same hash.
 */
const BLOCK_SIZE = 100;
const MOD = 37n;
const TAB = 9;
const SPACE = 32;
const LF = 10;
const CR = 13;
const EOF = 65535;
const FIRST_MOD = BigInt.asUintN(64, MOD ** BigInt(BLOCK_SIZE));

/** 1-based line number → hash, for every line of the text (UTF-16 code units, as codeql-action reads them). */
export function lineHashes(text: string): Map<number, string> {
  const hashes = new Map<number, string>();
  const window: number[] = new Array<number>(BLOCK_SIZE).fill(0);
  const lineNumbers: number[] = new Array<number>(BLOCK_SIZE).fill(-1);
  const hashCounts = new Map<string, number>();
  let hashRaw = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let previousCR = false;

  const outputHash = (): void => {
    const hashValue = hashRaw.toString(16);
    const count = (hashCounts.get(hashValue) ?? 0) + 1;
    hashCounts.set(hashValue, count);
    hashes.set(lineNumbers[index]!, `${hashValue}:${count}`);
    lineNumbers[index] = -1;
  };
  const updateHash = (current: number): void => {
    const begin = window[index]!;
    window[index] = current;
    hashRaw = BigInt.asUintN(64, MOD * hashRaw + BigInt(current) - FIRST_MOD * BigInt(begin));
    index = (index + 1) % BLOCK_SIZE;
  };
  const processCharacter = (code: number): void => {
    let current = code;
    if (current === SPACE || current === TAB || (previousCR && current === LF)) {
      previousCR = false;
      return;
    }
    if (current === CR) {
      current = LF;
      previousCR = true;
    } else previousCR = false;
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    updateHash(current);
  };

  for (let i = 0; i < text.length; i++) processCharacter(text.charCodeAt(i));
  processCharacter(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return hashes;
}
