/**
 * What a secret written into source looks like, so that a literal can be recognised as one and
 * never quoted back in a finding message. Prefixes are the issuers' documented token formats.
 */

/** Issued-credential prefixes: GitHub (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), Stripe/OpenAI (sk_, sk-, rk_, pk_live), Slack (xox?-, xapp-), Google (GOCSPX-, AIza, ya29.), AWS (AKIA), GitLab (glpat-), npm (npm_), JWTs (eyJ). */
const ISSUED_PREFIX = /(?:gh[pousr]_|github_pat_|(?<![A-Za-z0-9])(?:sk|rk)[-_][A-Za-z0-9]|pk_live_|xox[abposr]-|xapp-|GOCSPX-|AIza[0-9A-Za-z_-]{8}|ya29\.|AKIA[0-9A-Z]{12}|glpat-|npm_[A-Za-z0-9]{16}|(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{8})/;
/** An Authorization scheme followed by a literal credential: 'Bearer abc123…', 'Basic dXNlcjpw…'. */
const SCHEME_WITH_VALUE = /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/;
/** A long run of token characters; random (a secret) when it mixes digits, lower and upper case beyond hex (not a UUID, hash or constant name). */
const RANDOM_RUN = /[A-Za-z0-9+/=_-]{24,}/g;
const MIN_RUN = 24;

/** Whether a literal's text looks like a credential rather than a name, word, URL or message. */
export function looksLikeSecret(text: string): boolean {
  if (ISSUED_PREFIX.test(text) || SCHEME_WITH_VALUE.test(text)) return true;
  for (const whole of text.match(RANDOM_RUN) ?? []) {
    // `code_challenge_method=S256`: a `name=value` pair is two runs (base64 keeps its '=' padding at the end).
    for (const run of whole.split(/=(?!=*$)/)) {
      if (run.length < MIN_RUN) continue;
      if (/[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run) && /[g-zG-Z]/.test(run) && !isWordyName(run)) return true;
    }
  }
  return false;
}

/**
 * A name made of words and short numbers, not random characters: 'MS365_MCP_ATTACHMENT_URL_BASE',
 * 'oauth2-callback-handler-v12'. A random run splits into single letters and digit groups.
 */
function isWordyName(run: string): boolean {
  const parts = run.split(/[_-]+/).filter(Boolean).flatMap((part) => part
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/\s+|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/).filter(Boolean)).reduce(joinInitial, []);
  if (parts.length < 2) return false;
  let words = 0;
  for (const part of parts) {
    if (/^[0-9]{1,4}$/.test(part)) continue;
    if (!/^[A-Za-z]{2,}$/.test(part) || (!/[aeiouy]/i.test(part) && part.length > 3 && part !== part.toUpperCase())) return false;
    words++;
  }
  return words >= 2 * (parts.length - words);
}

/**
 * Joins a lone capital to the capitalised word after it, which the acronym split cut off:
 * 'OAuth' → 'O' 'Auth' → 'OAuth' (also 'OAuth2Client', 'AProduct'). A random run rarely puts a
 * capital before a capital and three lower-case letters, so its lone capitals still show.
 */
function joinInitial(parts: string[], part: string): string[] {
  const previous = parts[parts.length - 1];
  if (previous !== undefined && /^[A-Z]$/.test(previous) && /^[A-Z][a-z]{3,}$/.test(part)) parts[parts.length - 1] = previous + part;
  else parts.push(part);
  return parts;
}

/** How a message shows a secret it must not quote. */
export const SECRET_SHAPE = '<secret string>';

/** A quoted string in source text (closed, or cut off where a label was shortened). */
const QUOTED = /(['"`])((?:\\.|(?!\1)[^\\])*)(\1|$)/g;

/**
 * Text for a finding message with every secret-looking string replaced by its shape:
 * `jwt.sign({ sub }, 'sk_live_…')` → `jwt.sign({ sub }, '<secret string>')`.
 */
export function maskSecrets(text: string): string {
  const quoted = text.replace(QUOTED, (whole, quote: string, content: string, close: string) =>
    looksLikeSecret(content) ? `${quote}${SECRET_SHAPE}${close}` : whole);
  // What is left outside quotes (a label cut inside a literal, an unquoted value).
  return quoted.split(/(\s+)/).map((part) => (part.includes(SECRET_SHAPE) || !looksLikeSecret(part) ? part : SECRET_SHAPE)).join('');
}
