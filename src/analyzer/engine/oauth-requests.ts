/**
 * Moved to models/oauth-client.ts (the OAuth client model is a model, not engine). This alias
 * keeps rules written against the old path (broad-scope, rules on branches in flight) building;
 * it is the one place the engine folder points up at models, and goes once they import the model.
 */
export * from '../models/oauth-client.js';
