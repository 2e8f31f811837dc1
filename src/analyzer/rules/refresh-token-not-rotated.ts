import { REFRESH_TEXT } from '../knowledge/prefilter.js';
import { refreshHandlerVisitors, type RefreshVerdictKind } from '../models/authorization-server.js';
import { refreshGrantClassesWithoutReuseDetection } from '../models/refresh-grant-classes.js';
import { defineRule } from './define.js';

type MessageId = RefreshVerdictKind;

export const refreshTokenNotRotated = defineRule<MessageId>({
  meta: {
    id: 'refresh-token-not-rotated',
    description: 'A refresh-token grant handler must issue a new refresh token, invalidate the presented one, and revoke the token family when a used one comes back.',
    defaultSeverity: 'error',
    cwe: ['CWE-613', 'CWE-294'],
    securitySeverity: '7.5',
    precision: 'high',
    requiresText: REFRESH_TEXT,
    messages: {
      sameTokenReturned: "{{handler}} returns the presented refresh token '{{token}}' unchanged; issue a new refresh token and invalidate the old one.",
      noRefreshTokenReturned: "{{handler}} returns no new refresh token and never invalidates the presented one '{{token}}', so it stays usable; issue a new refresh token and invalidate the old one.",
      oldTokenStaysValid: "{{handler}} issues a new refresh token but never deletes, revokes or marks used the presented one '{{token}}'; invalidate it when rotating.",
      noReuseDetection: "{{handler}} rotates refresh tokens but never revokes the token family when an already-rotated token is presented again; keep a family id and revoke the whole family on reuse.",
    },
  },
  create(context) {
    const visitors = refreshHandlerVisitors({
      values: context.values,
      config: context.config,
      verdict: ({ kind, node, data, severity }) => context.report({ node, messageId: kind, data, severity }),
    });
    const handlersEnd = visitors.end;
    visitors.end = () => {
      handlersEnd?.();
      for (const verdict of refreshGrantClassesWithoutReuseDetection(context.sourceFile)) {
        context.report({ node: verdict.node, messageId: 'noReuseDetection', data: { handler: `The '${verdict.grantClass}' grant` } });
      }
    };
    return visitors;
  },
});
