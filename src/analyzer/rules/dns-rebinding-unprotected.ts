import { ts } from '../engine/typescript.js';
import { DNS_REBINDING_TEXT } from '../knowledge/mcp-authorization.js';
import { fileProtection, httpTransport, localOrAnyListen, unprotectedExpressHelper } from '../models/transports.js';
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
      helperWithoutAllowedHosts:
        "'createMcpExpressApp' bound to '{{host}}' without 'allowedHosts' turns off the SDK's Host validation; list the host names clients use in 'allowedHosts'.",
    },
  },
  create(context) {
    const transports: { node: ts.NewExpression; name: string }[] = [];
    let protectedBy: string | undefined;
    let listenHost: string | undefined;
    return {
      [ts.SyntaxKind.NewExpression]: (node: ts.NewExpression) => {
        const transport = httpTransport(context.values, node);
        if (transport?.protection === 'missing') transports.push({ node, name: transport.name });
      },
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        protectedBy ??= fileProtection(context.values, call);
        listenHost ??= localOrAnyListen(context.values, call);
        const host = unprotectedExpressHelper(context.values, call);
        if (host) context.report({ node: call, messageId: 'helperWithoutAllowedHosts', data: { host } });
      },
      [ts.SyntaxKind.PropertyAccessExpression]: (node: ts.PropertyAccessExpression) => {
        protectedBy ??= fileProtection(context.values, node);
      },
      [ts.SyntaxKind.ElementAccessExpression]: (node: ts.ElementAccessExpression) => {
        protectedBy ??= fileProtection(context.values, node);
      },
      end: () => {
        // A transport whose server is not started here (an exported app, a Worker) or that some
        // check in the file protects is not evidence of an exposed local server.
        if (protectedBy || !listenHost) return;
        for (const { node, name } of transports) {
          context.report({ node, messageId: 'unprotectedTransport', data: { transport: name, host: listenHost === 'every interface' || listenHost === 'its default host' ? listenHost : `'${listenHost}'` } });
        }
      },
    };
  },
});
