import { ts } from '../engine/typescript.js';
import { OAUTH_CALLBACK_TEXT } from '../knowledge/prefilter.js';
import { oauthRequestVisitors, type OAuthRequest } from '../models/oauth-client.js';
import { UNKNOWN } from '../engine/values.js';
import {
  callbacksRedeemingInOtherModules,
  callbacksWithoutState,
  callerSuppliesState,
  encodedDataState,
  libraryState,
  libraryStateArgument,
  onlyShownToUser,
  parameterObjectSite,
  predictableStateSite,
  reusableStateLookups,
  stateCheckingCallbacks,
  weakRandomSource,
} from '../models/oauth-state.js';
import { defineRule } from './define.js';

function target(request: OAuthRequest): string {
  const endpoint = request.endpoint;
  if (!endpoint || endpoint.includes(UNKNOWN) || endpoint.length > 120) return '';
  return ` to '${endpoint}'`;
}

export const oauthStateMissing = defineRule({
  meta: {
    id: 'oauth-state-missing',
    description: 'An OAuth authorization-code flow runs without an unguessable state that the callback checks.',
    defaultSeverity: 'warning',
    cwe: ['CWE-352', 'CWE-330'],
    securitySeverity: '6.1',
    precision: 'high',
    requiresText: OAUTH_CALLBACK_TEXT,
    messages: {
      missingState:
        "Authorization request{{target}} sends neither 'state' nor a PKCE challenge, so a forged callback can complete a flow the user never started; send a fresh random 'state' (or PKCE S256) and check it on the callback.",
      weakState:
        "'state' is made from '{{source}}', which an attacker can predict; generate it with 'crypto.randomBytes(32)' or 'crypto.randomUUID()', keep it server-side and accept it once.",
      encodedState:
        "'state' only encodes request data, with nothing random in it, so an attacker can build a valid one and the callback cannot tell whether this browser started the flow; send a fresh random value (keep the data server-side under it, or sign it) and check it on the callback.",
      reusableState:
        "The callback looks 'state' up in '{{store}}' but no entry is ever deleted, so a state stays valid and can be replayed; delete it when the callback uses it (and let it expire).",
      statePresenceOnly:
        "The callback only tests that 'state' is there, never that it is the one issued to this browser, so any state passes; compare it with the stored value, reject a missing or different one, and delete it after use.",
      callbackWithoutState:
        "This callback redeems the authorization 'code' without checking 'state' (or a PKCE verifier); compare the returned 'state' with the one issued to this browser session, reject a missing or different one, and delete it after use.",
    },
  },
  create(context) {
    const calls: ts.CallExpression[] = [];
    const visitors = oauthRequestVisitors(context, (requests) => {
      let stateless = 0;
      let encoded = 0;
      let predictable = 0;
      for (const request of requests) {
        if (request.kind !== 'authorize') continue;
        // A library that runs the whole flow with no way to pass PKCE (or state) is one problem, reported by missing-pkce with its replacement.
        if (request.library?.pkce?.via === 'never') continue;
        const state: { present: boolean; value?: ts.Expression; site?: ts.Node } | undefined =
          request.state ?? (request.library ? libraryState(context.values, request.node) : undefined);
        if (state && !state.present && request.pkce.status === 'missing-challenge' && !onlyShownToUser(context.values, request.node) && !callerSuppliesState(request.node)) {
          stateless++;
          context.report({ node: parameterObjectSite(context.values, request.node) ?? request.node, messageId: 'missingState', data: { target: target(request) } });
        }
        const value = state?.value ?? (request.library ? libraryStateArgument(context.values, request.node) : undefined);
        const weak = value && weakRandomSource(context.values, value);
        // Reported where the predictable value is made, the line that changes; else where it is sent.
        if (weak && value) {
          predictable++;
          context.report({ node: predictableStateSite(context.values, value) ?? state?.site ?? value, messageId: 'weakState', data: { source: weak } });
        }
        else if (value && encodedDataState(context.values, value)) {
          encoded++;
          context.report({ node: state?.site ?? value, messageId: 'encodedState' });
        }
      }
      // A flow whose request already has neither state nor PKCE is reported once, at the request.
      // A flow whose state is only encoded data is reported once too, where that state is sent.
      // So is a flow whose state is predictable: its callback's comparison with that value is the same problem.
      if (stateless > 0 || encoded > 0 || predictable > 0) return;
      // Reported where the code is redeemed (the state check belongs just before it), or at a test that only asks whether state is there.
      const local = callbacksWithoutState(context.values, requests, calls);
      const throughModules = callbacksRedeemingInOtherModules(context.values, calls).filter((callback) => !local.some((other) => other.read === callback.read));
      for (const callback of [...local, ...throughModules]) {
        if (callback.presence) context.report({ node: callback.presence, messageId: 'statePresenceOnly' });
        else context.report({ node: callback.redemption, messageId: 'callbackWithoutState' });
      }
      const file = context.sourceFile;
      for (const lookup of reusableStateLookups(context.values, file, stateCheckingCallbacks(context.values, requests))) {
        context.report({ node: lookup, messageId: 'reusableState', data: { store: lookup.expression.getText().replace(/\.(?:get|has)$/, '') } });
      }
    });
    const feed = visitors[ts.SyntaxKind.CallExpression];
    visitors[ts.SyntaxKind.CallExpression] = (call: ts.CallExpression) => {
      calls.push(call);
      feed?.(call);
    };
    return visitors;
  },
});
