import type { RuleModule } from './define.js';
import { broadScope } from './broad-scope.js';
import { missingPkce } from './missing-pkce.js';
import { refreshTokenNotRotated } from './refresh-token-not-rotated.js';
import { tokenLogged } from './token-logged.js';
import { plaintextTokenStorage } from './plaintext-token-storage.js';
import { tokenPassthrough } from './token-passthrough.js';
import { tokenAudienceNotValidated } from './token-audience-not-validated.js';
import { redirectUriNotExact } from './redirect-uri-not-exact.js';
import { oauthStateMissing } from './oauth-state-missing.js';
import { bearerTokenInQuery } from './bearer-token-in-query.js';
import { secretCompareNotConstantTime } from './secret-compare-not-constant-time.js';
import { dnsRebindingUnprotected } from './dns-rebinding-unprotected.js';
import { suppressionMissingReason } from './suppression-missing-reason.js';

export const SUPPRESSION_RULE = suppressionMissingReason;

/** Every rule, in the order reports list them. The ids are stable: config, suppressions, SARIF and docs use them. */
export const ALL_RULES: readonly RuleModule[] = [
  broadScope,
  missingPkce,
  refreshTokenNotRotated,
  tokenLogged,
  plaintextTokenStorage,
  tokenPassthrough,
  tokenAudienceNotValidated,
  redirectUriNotExact,
  oauthStateMissing,
  bearerTokenInQuery,
  secretCompareNotConstantTime,
  dnsRebindingUnprotected,
  suppressionMissingReason,
];

export function ruleById(id: string): RuleModule | undefined {
  return ALL_RULES.find((rule) => rule.meta.id === id);
}
