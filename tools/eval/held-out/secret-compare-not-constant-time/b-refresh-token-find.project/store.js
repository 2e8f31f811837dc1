// Grant store of an MCP server's authorization server (ESM): finds a grant by scanning for the presented refresh token with === — tokens must be compared in constant time (or looked up by hash).
export class GrantStore {
  constructor() {
    this.grants = [];
  }

  add(grant) {
    this.grants.push(grant);
  }

  findByRefreshToken(presented) {
    // held-out: secret-compare-not-constant-time
    return this.grants.find((g) => g.refreshToken === presented && !g.revoked);
  }

  revokeFamily(familyId) {
    for (const g of this.grants) if (g.familyId === familyId) g.revoked = true;
  }
}
