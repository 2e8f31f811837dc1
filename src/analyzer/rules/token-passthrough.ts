import { ts } from '../engine/typescript.js';
import { TOKEN_PASSTHROUGH_TEXT } from '../knowledge/mcp-authorization.js';
import {
  argumentForParameter,
  constructedClass,
  CredentialParameters,
  type CredentialParameter,
  forwardedRequestHeaders,
  insideValidationHelper,
  outboundFromAssignment,
  outboundFromCall,
  outboundFromConstruction,
  outboundFromContextRun,
  outboundFromProperty,
  outboundFromShorthand,
  type OutboundCredential,
} from '../models/outbound-credentials.js';
import { IncomingTokenFlow, isRequestHeaders, isVerifiedTokenRead } from '../models/resource-server.js';
import type { ValueResolver } from '../engine/values.js';
import { defineRule } from './define.js';

/** The outbound credentials a node is, as the rule's visitors see them (also used inside helpers). */
function sinksAt(values: ValueResolver, node: ts.Node): OutboundCredential[] {
  let sink: OutboundCredential | undefined;
  if (ts.isPropertyAssignment(node)) sink = outboundFromProperty(values, node);
  else if (ts.isShorthandPropertyAssignment(node)) sink = outboundFromShorthand(values, node);
  else if (ts.isCallExpression(node)) {
    const stored = outboundFromContextRun(values, node);
    if (stored.length) return stored;
    sink = outboundFromCall(values, node);
  } else if (ts.isBinaryExpression(node)) sink = outboundFromAssignment(values, node);
  else if (ts.isNewExpression(node)) sink = outboundFromConstruction(values, node);
  return sink ? [sink] : [];
}

function sinksWithin(values: ValueResolver, body: ts.Node): OutboundCredential[] {
  const found: OutboundCredential[] = [];
  const visit = (node: ts.Node): void => {
    found.push(...sinksAt(values, node));
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** How a message names the helper a call invokes: its last name (`buildServer`, `server_1.createServer` → `createServer`). */
function calledName(call: ts.CallExpression): string {
  const callee = call.expression;
  const named = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  return named ?? 'helper';
}

export const tokenPassthrough = defineRule({
  meta: {
    id: 'token-passthrough',
    description: 'An MCP server forwards the access token its client sent to another service.',
    defaultSeverity: 'error',
    cwe: ['CWE-441', 'CWE-285'],
    securitySeverity: '8.1',
    precision: 'high',
    requiresText: TOKEN_PASSTHROUGH_TEXT,
    messages: {
      headerPassthrough:
        "The {{source}} is sent onward as the {{sink}}; the upstream service must get its own token (RFC 8693 token exchange, or the server's own OAuth grant), not the one issued for this MCP server.",
      clientPassthrough:
        "The {{source}} becomes the {{sink}}; obtain a token issued for that service (token exchange or the server's own OAuth grant) instead of reusing the one issued for this MCP server.",
      helperPassthrough:
        "The {{source}} is handed to '{{helper}}', which sends it as the {{sink}}; the upstream service must get its own token (RFC 8693 token exchange, or the server's own OAuth grant), not the one issued for this MCP server.",
      contextPassthrough:
        "The {{source}} is kept in the {{sink}}; give the tools a token issued for the upstream service (RFC 8693 token exchange, or the server's own OAuth grant), not the one issued for this MCP server.",
      headersForwarded:
        "The incoming request's headers, its 'Authorization' header with them, are sent onward as the {{sink}}; copy only the headers the upstream needs and give it its own credential.",
    },
  },
  create(context) {
    const values = context.values;
    const flow = new IncomingTokenFlow(values);
    const helpers = new CredentialParameters(values, (body) => sinksWithin(values, body));
    const reported = new Set<ts.Node>();
    /** Reads of the incoming token already reported at a sink: a helper later handed the same token is the same problem. */
    const reportedSources = new Set<ts.Expression>();
    // A read inside another module's extractor (`bearerFrom(req)`) is shared by every route that calls it: not one problem.
    const remember = (source: ts.Expression) => {
      if (!values.isInOtherFile(source)) reportedSources.add(source);
    };
    const sourceLabel = (source: ts.Expression) =>
      isVerifiedTokenRead(values, source) ? "token the MCP client presented ('authInfo.token')" : "client's 'Authorization' header";
    const check = (sink: OutboundCredential) => {
      if (reported.has(sink.node)) return;
      const source = flow.sourceOf(sink.value);
      if (!source) return;
      reported.add(sink.node);
      remember(source);
      const messageId = sink.label.startsWith('request context') ? 'contextPassthrough' : sink.label.includes('header') ? 'headerPassthrough' : 'clientPassthrough';
      context.report({ node: sink.node, messageId, data: { source: sourceLabel(source), sink: sink.label } });
    };
    /** A call of a helper of another file (or a class's constructor) whose parameter becomes an outbound credential there. */
    // Helper calls are judged after the direct sinks (`createServer(new Resend(apiKey), apiKey)` is one problem, reported at `new Resend`).
    const helperCalls: Array<() => void> = [];
    const checkHelper = (call: ts.CallExpression | ts.NewExpression, parameters: readonly CredentialParameter[], helper: string) => {
      // A token checked with its issuer (`verifyAccessToken` building the issuer's client) is not passed through.
      if (!parameters.length || insideValidationHelper(call)) return;
      for (const parameter of parameters) {
        const argument = argumentForParameter(values, call, parameter);
        if (!argument || reported.has(call)) continue;
        // `buildServer(token)` of this file handing its parameter on: reported where its callers choose the token.
        const entries = callersChoosing(argument);
        if (entries.length) {
          reported.add(call);
          for (const [entry, source] of entries) {
            reported.add(entry);
            remember(source);
            context.report({ node: entry, messageId: 'helperPassthrough', data: { source: sourceLabel(source), helper: calledName(entry), sink: parameter.label } });
          }
          continue;
        }
        const source = flow.sourceOf(argument);
        if (!source || reportedSources.has(source)) continue;
        reported.add(call);
        remember(source);
        context.report({ node: call, messageId: 'helperPassthrough', data: { source: sourceLabel(source), helper, sink: parameter.label } });
      }
    };
    /** The calls of this file's function whose parameter `argument` is, with the incoming token each passes for it. */
    const callersChoosing = (argument: ts.Expression): Array<[ts.CallExpression, ts.Expression]> => {
      const node = values.unwrap(argument);
      if (!ts.isIdentifier(node)) return [];
      const declaration = values.declarationOf(node);
      if (declaration?.kind !== 'parameter' || declaration.path || !ts.isParameter(declaration.node) || values.isInOtherFile(declaration.node)) return [];
      const found: Array<[ts.CallExpression, ts.Expression]> = [];
      for (const passed of values.argumentsFor(declaration)) {
        const entry = passed.parent;
        if (!ts.isCallExpression(entry) || values.isInOtherFile(entry) || reported.has(entry)) continue;
        const source = flow.sourceOf(passed);
        if (source && !reportedSources.has(source)) found.push([entry, source]);
      }
      return found;
    };
    return {
      [ts.SyntaxKind.PropertyAssignment]: (node: ts.PropertyAssignment) => {
        for (const sink of sinksAt(values, node)) check(sink);
        const forwarded = forwardedRequestHeaders(values, node, (expression) => isRequestHeaders(values, expression));
        if (forwarded && !reported.has(node)) {
          reported.add(node);
          context.report({ node, messageId: 'headersForwarded', data: { sink: 'headers of the outgoing request' } });
        }
      },
      [ts.SyntaxKind.ShorthandPropertyAssignment]: (node: ts.ShorthandPropertyAssignment) => sinksAt(values, node).forEach(check),
      [ts.SyntaxKind.BinaryExpression]: (node: ts.BinaryExpression) => sinksAt(values, node).forEach(check),
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => {
        sinksAt(values, node).forEach(check);
        // Helpers of this file are judged at their own sinks (their parameters are followed to these calls).
        if (!values.comesFromScan(node.expression)) return;
        const helper = values.calledFunction(node);
        if (helper && values.isInOtherFile(helper)) helperCalls.push(() => checkHelper(node, helpers.ofFunction(helper), helper.name?.getText() ?? 'helper'));
      },
      [ts.SyntaxKind.NewExpression]: (node: ts.NewExpression) => {
        sinksAt(values, node).forEach(check);
        const cls = constructedClass(values, node);
        if (cls) helperCalls.push(() => checkHelper(node, helpers.ofClass(cls), cls.name?.text ?? 'class'));
      },
      end: () => {
        for (const judge of helperCalls) judge();
      },
    };
  },
});
