// held-out: clean — Math.random only jitters the token-refresh retry delay; the OAuth state is crypto.randomUUID(), required and consumed on the callback.
// CommonJS helper class of a Box MCP server that runs its upstream OAuth flow and refreshes tokens in the background.
'use strict';

const crypto = require('node:crypto');

class BoxAuthFlow {
  constructor(store) {
    this.store = store;
    this.openStates = new Map();
  }

  authorizationUrl(userId) {
    const state = crypto.randomUUID();
    this.openStates.set(state, { userId, at: Date.now() });
    const q = new URLSearchParams({ response_type: 'code', client_id: process.env.BOX_CLIENT_ID, redirect_uri: process.env.BOX_REDIRECT_URI, state });
    return `https://account.box.example/api/oauth2/authorize?${q}`;
  }

  async onCallback({ code, state }) {
    if (!state || !this.openStates.has(state)) throw new Error('unknown state');
    const { userId, at } = this.openStates.get(state);
    this.openStates.delete(state);
    if (Date.now() - at > 600000) throw new Error('state expired');
    await this.store.exchange(userId, code);
    return userId;
  }

  retryDelay(attempt) {
    const base = Math.min(30000, 500 * 2 ** attempt);
    return base / 2 + Math.random() * (base / 2);
  }
}

module.exports = { BoxAuthFlow };
