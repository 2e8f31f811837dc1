/**
 * The MCP SDK's HTTP server transports and what stands between them and a DNS-rebinding page:
 * the transport's own `enableDnsRebindingProtection`, the SDK's Host-validating express helpers,
 * an Origin or Host check of the code's own, or authentication a browser page cannot supply.
 * And where the server listens: a loopback or every-interface bind is what a rebinding reaches.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { HOST_VALIDATING_HELPERS, HTTP_SERVER_TRANSPORTS, LOCAL_OR_ANY_HOSTS } from '../knowledge/mcp-authorization.js';
import { calleeOf, requestHeaderRead } from './resource-server.js';

export type TransportProtection = 'enabled' | 'missing' | 'unknown';

/** A construction of an SDK HTTP server transport, with what its options say about DNS-rebinding protection. */
export function httpTransport(values: ValueResolver, node: ts.NewExpression): { name: string; protection: TransportProtection } | undefined {
  const name = dottedName(calleeOf(node.expression)).split('.').pop() ?? '';
  const optionsIndex = HTTP_SERVER_TRANSPORTS.get(name);
  if (optionsIndex === undefined) return undefined;
  const options = node.arguments?.[optionsIndex];
  if (!options) return { name, protection: 'missing' };
  const literal = values.origins(options).find(ts.isObjectLiteralExpression);
  if (!literal) return { name, protection: 'unknown' };
  const properties = values.objectProperties(literal);
  if (!properties) return { name, protection: 'unknown' };
  if (literal.properties.some((property) => ts.isSpreadAssignment(property) && !values.objectProperties(property.expression))) return { name, protection: 'unknown' };
  const flag = properties.get('enableDnsRebindingProtection');
  if (!flag) return { name, protection: 'missing' };
  const unwrapped = values.unwrap(flag);
  if (unwrapped.kind === ts.SyntaxKind.FalseKeyword) return { name, protection: 'missing' };
  return { name, protection: unwrapped.kind === ts.SyntaxKind.TrueKeyword ? 'enabled' : 'unknown' };
}

/** What in a file protects an HTTP transport on its own terms: a Host-validating helper, an Origin/Host check, or authentication. */
export function fileProtection(values: ValueResolver, node: ts.Node): string | undefined {
  if (ts.isCallExpression(node)) {
    const name = dottedName(calleeOf(node.expression)).split('.').pop() ?? '';
    if (HOST_VALIDATING_HELPERS.has(name) && (name !== 'createMcpExpressApp' || !unprotectedExpressHelper(values, node))) return name;
    if (name === 'requireBearerAuth' || name === 'mcpAuthRouter' || name === 'mcpAuthMetadataRouter') return name;
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) {
    const header = requestHeaderRead(values, node as ts.Expression);
    // An Authorization read is not counted: code that reads it often lets requests without one through.
    if (header === 'origin' || header === 'host') return `${header} header`;
  }
  return undefined;
}

/**
 * `createMcpExpressApp(options)`: the SDK validates Host by itself for a loopback host (its
 * default) or with `allowedHosts`; bound to every interface without `allowedHosts`, it does not.
 */
export function unprotectedExpressHelper(values: ValueResolver, call: ts.CallExpression): string | undefined {
  if ((dottedName(calleeOf(call.expression)).split('.').pop() ?? '') !== 'createMcpExpressApp') return undefined;
  const options = call.arguments[0];
  if (!options) return undefined;
  const properties = values.objectProperties(options);
  if (!properties || properties.has('allowedHosts')) return undefined;
  const host = properties.get('host');
  const hosts = host ? values.stringValues(host) : undefined;
  const any = hosts?.find((value) => value === '0.0.0.0' || value === '::');
  return any;
}

/** The host a server listens on when that is loopback or every interface: `app.listen(port)`, `listen(port, '0.0.0.0')`, `listen({ port, host })`, hono's `serve({ fetch, port })`. */
export function localOrAnyListen(values: ValueResolver, call: ts.CallExpression): string | undefined {
  const callee = calleeOf(values.unwrap(call.expression));
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  const first = call.arguments[0];
  if (!first) return undefined;
  if (name === 'listen' && ts.isPropertyAccessExpression(callee)) {
    const firstValue = values.unwrap(first);
    const options = ts.isObjectLiteralExpression(firstValue) ? values.objectProperties(firstValue) : undefined;
    if (options) {
      if (!options.has('port')) return undefined;
      const host = options.get('host');
      return host ? knownLocalHost(values, host) : 'its default host'; // node binds every interface, fastify localhost
    }
    if (!isPortLike(values, firstValue)) return undefined;
    const second = call.arguments[1];
    if (!second || ts.isFunctionLike(values.unwrap(second))) return 'every interface';
    return knownLocalHost(values, second);
  }
  if (name === 'serve') {
    const options = values.objectProperties(first);
    if (!options || !options.has('fetch')) return undefined;
    const host = options.get('hostname');
    return host ? knownLocalHost(values, host) : 'every interface';
  }
  return undefined;
}

function isPortLike(values: ValueResolver, node: ts.Expression): boolean {
  if (ts.isNumericLiteral(node)) return true;
  const text = node.getText();
  return /port/i.test(text) || ((values.stringValues(node) ?? []).some((value) => /^\d+$/.test(value)));
}

function knownLocalHost(values: ValueResolver, host: ts.Expression): string | undefined {
  // `options?.hostname`: when the caller passes no options, the server binds its default host.
  const unwrapped = values.unwrap(host);
  if (ts.isPropertyAccessExpression(unwrapped) && unwrapped.questionDotToken && values.origins(unwrapped).every((origin) => origin === unwrapped)) return 'its default host';
  const strings = values.stringValues(host);
  const found = strings?.find((value) => !value.includes(UNKNOWN) && LOCAL_OR_ANY_HOSTS.has(value));
  if (!found) return undefined;
  return found === '0.0.0.0' || found === '::' || found === '[::]' ? 'every interface' : found;
}
