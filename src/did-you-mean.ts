/**
 * Near-miss suggestions for names a user typed: config keys (`failOn` → `fail_on`) and rule ids in
 * suppression comments (`token-loged` → `token-logged`). Shared by the config loader and the analyzer.
 */

/** The candidate the name most likely meant: equal after normalising case and separators, or within two edits. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const normalized = normalizeName(name);
  const exact = candidates.find((candidate) => normalizeName(candidate) === normalized);
  if (exact) return exact;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(normalized, normalizeName(candidate));
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** " (did you mean 'fail_on'?)" for a near miss, '' otherwise. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const match = closestName(name, candidates);
  return match ? ` (did you mean '${match}'?)` : '';
}

/** `failOn`, `fail-on`, `Fail On` → `fail_on`. */
function normalizeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[-\s]/g, '_');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
