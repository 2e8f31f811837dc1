import { ts } from '../engine/typescript.js';
import { QUERY_TOKEN_TEXT } from '../knowledge/mcp-authorization.js';
import { configuredQueryRead, mcpSearchParamToken, namedQueryParameterRead, mcpUrlWithQueryToken, queryTokenKind, queryTokenUse, redirectWithQueryToken } from '../models/query-tokens.js';
import { IncomingTokenFlow, requestQueryRead } from '../models/resource-server.js';
import { defineRule } from './define.js';

export const bearerTokenInQuery = defineRule({
  meta: {
    id: 'bearer-token-in-query',
    description: 'An access token travels in a URI query string.',
    defaultSeverity: 'error',
    cwe: ['CWE-598'],
    securitySeverity: '6.5',
    precision: 'high',
    requiresText: QUERY_TOKEN_TEXT,
    messages: {
      acceptsQueryToken:
        "The server takes an access token from the query parameter '{{key}}', where URLs leave it in logs, proxies and browser history; accept tokens only in the 'Authorization: Bearer' header.",
      sendsQueryToken:
        "The URL carries the token in its '{{key}}' query parameter, where browser history, logs and proxies keep it; send it in the 'Authorization: Bearer' header (or, after a redirect, exchange a one-time code for it) instead.",
    },
  },
  create(context) {
    const { values } = context;
    const flow = new IncomingTokenFlow(values);
    const reported = new Set<ts.Node>();
    const accepted: { node: ts.Node; key: string }[] = [];
    // `if (!this.allowBearerTokensInQueryString) throw …`: query tokens are an opt-in the library's user turns on, off by default.
    let optInGuard = false;
    const report = (node: ts.Node, messageId: 'acceptsQueryToken' | 'sendsQueryToken', key: string) => {
      if (reported.has(node)) return;
      reported.add(node);
      if (messageId === 'acceptsQueryToken') accepted.push({ node, key });
      else context.report({ node, messageId, data: { key } });
    };
    const definiteRead = (node: ts.Expression) => {
      // `request.query[settings.accessTokenName]`: a configured name whose default is an access-token name.
      if (ts.isElementAccessExpression(node) && !ts.isStringLiteralLike(node.argumentExpression)) {
        const configured = configuredQueryRead(values, node);
        if (configured !== undefined && queryTokenKind(configured) === 'definite') report(node, 'acceptsQueryToken', configured);
        return;
      }
      // The key must be an access-token name before the receiver is looked at.
      const member = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text
        : ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) ? node.arguments[0].text : undefined;
      if (member === undefined || queryTokenKind(member) !== 'definite') return;
      const key = requestQueryRead(values, node) ?? (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? namedQueryParameterRead(values, node) : undefined);
      if (key !== undefined && queryTokenKind(key) === 'definite') report(node, 'acceptsQueryToken', key);
    };
    const use = (node: ts.Node) => {
      const read = queryTokenUse(values, flow, node);
      if (read && queryTokenKind(read.key) === 'maybe') report(read.node, 'acceptsQueryToken', read.key);
    };
    const clientUrl = (node: ts.Expression) => {
      // Only the outermost piece of a URL: a template inside a concatenation is the same URL.
      if (node.parent && (ts.isBinaryExpression(node.parent) || ts.isTemplateSpan(node.parent))) return;
      const key = mcpUrlWithQueryToken(values, node);
      if (key) report(node, 'sendsQueryToken', key);
    };
    return {
      [ts.SyntaxKind.PropertyAccessExpression]: definiteRead,
      [ts.SyntaxKind.ElementAccessExpression]: definiteRead,
      [ts.SyntaxKind.BindingElement]: (node: ts.BindingElement) => {
        if (ts.isIdentifier(node.name)) {
          const key = requestQueryRead(values, node.name);
          if (key !== undefined && queryTokenKind(key) === 'definite') report(node, 'acceptsQueryToken', key);
        }
      },
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        definiteRead(call);
        use(call);
        const key = mcpSearchParamToken(values, call) ?? redirectWithQueryToken(values, call);
        if (key) report(call, 'sendsQueryToken', key);
      },
      [ts.SyntaxKind.BinaryExpression]: (binary: ts.BinaryExpression) => {
        use(binary);
        if (binary.operatorToken.kind === ts.SyntaxKind.PlusToken) clientUrl(binary);
      },
      [ts.SyntaxKind.ConditionalExpression]: use,
      [ts.SyntaxKind.TemplateExpression]: clientUrl,
      [ts.SyntaxKind.ReturnStatement]: use,
      [ts.SyntaxKind.IfStatement]: (statement: ts.IfStatement) => {
        optInGuard ||= refusesUnlessOptedIn(statement);
      },
      end: () => {
        if (optInGuard) return;
        for (const { node, key } of accepted) context.report({ node, messageId: 'acceptsQueryToken', data: { key } });
      },
    };
  },
});

/** `if (!options.allowQueryTokens) throw …` (or return): an opt-in flag for query tokens, refused when it is not set. */
function refusesUnlessOptedIn(statement: ts.IfStatement): boolean {
  const condition = statement.expression;
  if (!ts.isPrefixUnaryExpression(condition) || condition.operator !== ts.SyntaxKind.ExclamationToken) return false;
  const flag = condition.operand;
  const name = ts.isPropertyAccessExpression(flag) ? flag.name.text : ts.isIdentifier(flag) ? flag.text : '';
  if (!QUERY_OPT_IN_FLAG.test(name)) return false;
  const exits = (node: ts.Statement): boolean => ts.isThrowStatement(node) || ts.isReturnStatement(node) || (ts.isBlock(node) && node.statements.some(exits));
  return exits(statement.thenStatement);
}

/** Option names that turn query-string tokens on: `allowBearerTokensInQueryString`, `allowQueryToken`, `acceptTokenInUrl`. */
const QUERY_OPT_IN_FLAG = /^(?:allow|accept|enable)\w*(?:Query|Url|Uri)\w*$/i;
