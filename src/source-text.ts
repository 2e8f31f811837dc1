/** Bytes to analyzer input, decided the same way by the CLI and the app. Pure. */

export type DecodedSource = { ok: true; text: string; note?: string } | { ok: false; message: string };

/**
 * Every file with a JavaScript or TypeScript name is analysed as text, whatever its bytes: a NUL
 * byte in a comment or string does not stop the file from compiling and running, so skipping it
 * as "binary" would let one byte hide the whole file from the gate. NUL bytes are read as spaces
 * (same length and lines, so positions hold; the analyzer refuses text with NUL in it), invalid
 * UTF-8 is decoded with U+FFFD replacements; both are named in a note. The BOM is kept: GitHub's
 * line hash counts it.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const notes: string[] = [];
  if (bytes.includes(0)) {
    notes.push('contains NUL bytes: analysed with each NUL read as a space');
    bytes = Uint8Array.from(bytes, (byte) => (byte === 0 ? 0x20 : byte));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    notes.push('not valid UTF-8: analysed with the invalid bytes replaced by U+FFFD');
  }
  return notes.length > 0 ? { ok: true, text, note: notes.join('; ') } : { ok: true, text };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
