/** Bytes to analyzer input, decided the same way by the CLI and the app. Pure. */

export type DecodedSource = { ok: true; text: string; note?: string } | { ok: false; message: string };

/**
 * A NUL byte anywhere means binary content, which is skipped and named. Invalid UTF-8 is still
 * analysed (decoded with U+FFFD replacements) with a note, since skipping it would let a
 * Latin-1 comment hide a whole file from the gate. The BOM is kept: GitHub's line hash counts it.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.includes(0)) return { ok: false, message: 'skipped: binary content (NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes),
      note: 'not valid UTF-8: analysed with the invalid bytes replaced by U+FFFD',
    };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
