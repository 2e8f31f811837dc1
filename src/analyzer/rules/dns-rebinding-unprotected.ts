import { ts } from '../engine/typescript.js';
import { DNS_REBINDING_TEXT } from '../knowledge/mcp-authorization.js';
import { fileProtection, guardCovers, handWrittenJsonRpcEndpoint, httpTransport, importerListenHost, localOrAnyListen, unprotectedExpressHelper, type FileProtection } from '../models/transports.js';
import { defineRule } from './define.js';

export const dnsRebindingUnprotected = defineRule({
  meta: {
    id: 'dns-rebinding-unprotected',
    description: 'A local MCP server serves its HTTP transport without validating the Origin or Host header.',
    defaultSeverity: 'error',
    cwe: ['CWE-350', 'CWE-346'],
    securitySeverity: '7.7',
    precision: 'high',
    requiresText: DNS_REBINDING_TEXT,
    messages: {
      unprotectedTransport:
        "'{{transport}}' serves MCP on {{host}} with no Origin or Host validation, so a web page can reach it through DNS rebinding; pass 'enableDnsRebindingProtection: true' with 'allowedHosts'/'allowedOrigins', or build the app with the SDK's 'createMcpExpressApp()' (Host validation for localhost).",
      unprotectedJsonRpcEndpoint:
        "This server answers MCP JSON-RPC itself on {{host}} and never validates the Origin or Host header, so a web page can reach it through DNS rebinding; reject requests whose Origin is not an allowed one (and whose Host is not localhost), or serve MCP through the SDK transport with 'enableDnsRebindingProtection'.",
      helperWithoutAllowedHosts:
        "'createMcpExpressApp' bound to '{{host}}' without 'allowedHosts' turns off the SDK's Host validation; list the host names clients use in 'allowedHosts'.",
    },
  },
  create(context) {
    const transports: { node: ts.Node; name: string; at: ts.Node; handWritten?: boolean }[] = [];
    const guards: FileProtection[] = [];
    // Once an unconditional guard is found, nothing more needs looking at (the common, cheap case).
    let protectedEverywhere = false;
    const noteGuard = (node: ts.Node): void => {
      if (protectedEverywhere) return;
      const guard = fileProtection(context.values, node);
      if (!guard) return;
      if (!guard.branch) protectedEverywhere = true;
      else if (guards.length < 50) guards.push(guard);
    };
    let listenHost: string | undefined;
    // An unprotected `createMcpExpressApp` is reported where it is built; its transports would say it again.
    let helperReported = false;
    return {
      [ts.SyntaxKind.NewExpression]: (node: ts.NewExpression) => {
        const transport = httpTransport(context.values, node);
        if (transport?.protection === 'missing') transports.push({ node, name: transport.name, at: transport.switchedOff ?? node });
      },
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        noteGuard(call);
        listenHost ??= localOrAnyListen(context.values, call);
        if (handWrittenJsonRpcEndpoint(context.values, call)) transports.push({ node: call, name: 'http.createServer', at: call, handWritten: true });
        const host = unprotectedExpressHelper(context.values, call);
        if (host) helperReported = true;
        if (host) context.report({ node: call, messageId: 'helperWithoutAllowedHosts', data: { host } });
      },
      [ts.SyntaxKind.PropertyAccessExpression]: (node: ts.PropertyAccessExpression) => {
        noteGuard(node);
      },
      [ts.SyntaxKind.ElementAccessExpression]: (node: ts.ElementAccessExpression) => {
        noteGuard(node);
      },
      end: () => {
        // A transport whose server is not started here (an exported app, a Worker) or that some
        // check in the file protects is not evidence of an exposed local server. A guard set up only
        // in one branch (`if (!disableAuth) app.use(authenticate)`) leaves the other branch's runs open.
        if (protectedEverywhere || helperReported || transports.length === 0) return;
        // A server built here and started by a module that imports this one listens where that module says.
        if (!listenHost && context.scan) listenHost = importerListenHost(context.scan, context.path);
        if (!listenHost) return;
        for (const { node, name, at, handWritten } of transports) {
          // A hand-written endpoint's checks sit anywhere in its handler: any guard in the file is enough.
          if (handWritten ? guards.length > 0 : guards.some((guard) => guardCovers(guard, node))) continue;
          const host = listenHost === 'every interface' || listenHost === 'its default host' ? listenHost : `'${listenHost}'`;
          context.report({ node: at, messageId: handWritten ? 'unprotectedJsonRpcEndpoint' : 'unprotectedTransport', data: { transport: name, host } });
        }
      },
    };
  },
});
