import { ts } from 'ts-morph';
import {
  CREDENTIAL_HEADER_NAMES,
  CREDENTIAL_PHRASES,
  CREDENTIAL_WORDS,
  EXCLUDED_AFTER,
  EXCLUDED_ANYWHERE,
  TOKEN_CONTAINER_NAMES,
} from './knowledge/credential-names.js';
import { dottedName, type ValueResolver } from './engine/values.js';

export type NameClass = 'credential' | 'not-credential' | 'neutral';

/** Why a value counts as a credential; the label names it in messages. */
export interface CredentialMatch {
  label: string;
  origin: 'name' | 'token-response' | 'authorization-header' | 'request-headers' | 'environment' | 'sdk';
  node: ts.Node;
}

/** Splits 'refreshTokenTTL', 'refresh_token', 'X-Api-Key' into lowercase words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Classifies an identifier, property or header name. */
export function classifyName(name: string): NameClass {
  const lower = name.toLowerCase();
  if (CREDENTIAL_HEADER_NAMES.has(lower)) return 'credential';
  const words = splitWords(name);
  if (words.length === 0) return 'neutral';
  if (TOKEN_CONTAINER_NAMES.has(words.join(''))) return 'credential';
  if (words.some((word) => EXCLUDED_ANYWHERE.has(word))) return 'not-credential';
  let found = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = words[i - 1];
    if (CREDENTIAL_WORDS.has(word) || (previous !== undefined && CREDENTIAL_PHRASES.some(([a, b]) => a === previous && b === word))) {
      found = i;
      break;
    }
  }
  if (found < 0) return 'neutral';
  // 'isSecret', 'secretName', 'tokenEndpoint', 'accessTokenExpiresAt': about a credential, not one.
  if (words.slice(found + 1).some((word) => EXCLUDED_AFTER.has(word))) return 'not-credential';
  return 'credential';
}

/** Calls whose result carries their argument's content unchanged (for leaking purposes). */
const PASS_THROUGH_FUNCTIONS = new Set([
  'String', 'JSON.stringify', 'encodeURIComponent', 'encodeURI', 'escape', 'util.inspect', 'inspect', 'util.format',
  'format', 'Buffer.from', 'Object.assign', 'structuredClone', 'btoa', 'Object.entries', 'Object.values',
]);
const PASS_THROUGH_METHODS = new Set(['toString', 'trim', 'concat', 'toJSON', 'valueOf', 'padStart', 'padEnd', 'replace', 'toLowerCase', 'toUpperCase']);

/** Ways of turning a credential into something that is not one: a question about it or a short prefix. */
const SAFE_PREFIX_LENGTH = 8;

/** Method names whose call returns a credential or a token set (`getToken`, `refreshAccessToken`, `exchangeCodeForTokens`). */
function isTokenProducingCall(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => EXCLUDED_ANYWHERE.has(word))) return false;
  const verbs = new Set(['get', 'fetch', 'exchange', 'refresh', 'request', 'issue', 'create', 'generate', 'mint', 'obtain', 'acquire', 'load', 'read', 'retrieve']);
  if (!verbs.has(words[0] ?? '')) return false;
  const rest = words.slice(1);
  return rest.some((word) => word === 'token' || word === 'tokens' || word === 'credentials') && !rest.some((word) => EXCLUDED_AFTER.has(word));
}

/**
 * The shared token model of rules 3–5: decides whether a value is (or carries) a credential
 * from its name, its origin (token responses, Authorization headers, SDK types, the
 * environment) and the file's data flow.
 */
export class TokenModel {
  constructor(private readonly values: ValueResolver) {}

  classifyName = classifyName;

  /** The credential an expression's value carries, if any. */
  credentialIn(expression: ts.Expression, depth = 0): CredentialMatch | undefined {
    if (depth > 10) return undefined;
    const node = this.values.unwrap(expression);
    const label = (): string => shortText(node);

    if (ts.isIdentifier(node)) {
      const nameClass = classifyName(node.text);
      if (nameClass === 'not-credential') return undefined;
      const origins = this.values.origins(node).filter((origin) => origin !== node);
      if (nameClass === 'credential') {
        // A generic name ('token', 'tokens') bound to a parser token or a count is not a credential.
        if (isGenericName(node.text) && origins.length > 0 && origins.every((origin) => this.isKnownNonCredential(origin))) return undefined;
        return { label: node.text, origin: 'name', node };
      }
      for (const origin of origins) {
        const inner = this.credentialIn(origin, depth + 1);
        if (inner) return { ...inner, label: `${node.text}` };
      }
      return undefined;
    }

    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const key = this.values.memberName(node);
      const objectName = dottedName(node.expression);
      if (objectName === 'process' && key === 'env') return { label: 'process.env', origin: 'environment', node };
      if (key !== undefined) {
        const nameClass = classifyName(key);
        if (nameClass === 'not-credential') return undefined;
        if (nameClass === 'credential') {
          const origin = CREDENTIAL_HEADER_NAMES.has(key.toLowerCase()) ? 'authorization-header' : objectName === 'process.env' ? 'environment' : 'name';
          return { label: label(), origin, node };
        }
        if (key === 'headers' && /(^|\.)(req|request|incoming|incomingMessage)$/i.test(objectName)) {
          return { label: label(), origin: 'request-headers', node };
        }
      }
      for (const origin of this.values.origins(node)) {
        if (origin === node) continue;
        const inner = this.credentialIn(origin, depth + 1);
        if (inner) return { ...inner, label: label() };
      }
      return undefined;
    }

    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) {
        const inner = this.credentialIn(span.expression, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }

    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        return this.credentialIn(node.left, depth + 1) ?? this.credentialIn(node.right, depth + 1);
      }
      if (operator === ts.SyntaxKind.CommaToken) return this.credentialIn(node.right, depth + 1);
      return undefined; // comparisons, arithmetic, `&&` yielding a boolean in practice
    }

    if (ts.isConditionalExpression(node)) {
      return this.credentialIn(node.whenTrue, depth + 1) ?? this.credentialIn(node.whenFalse, depth + 1);
    }

    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isShorthandPropertyAssignment(property)) {
          const inner = this.credentialIn(property.name, depth + 1);
          if (inner) return inner;
        } else if (ts.isPropertyAssignment(property)) {
          const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
          const inner = this.credentialIn(property.initializer, depth + 1);
          if (inner) return inner;
          if (key && classifyName(key) === 'credential' && !this.isKnownNonCredential(this.values.unwrap(property.initializer))) {
            const value = this.values.unwrap(property.initializer);
            if (!ts.isCallExpression(value) || this.passesThrough(value)) return { label: key, origin: 'name', node: property };
          }
        } else if (ts.isSpreadAssignment(property)) {
          const inner = this.credentialIn(property.expression, depth + 1);
          if (inner) return inner;
        }
      }
      return undefined;
    }

    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        const inner = this.credentialIn(ts.isSpreadElement(element) ? element.expression : element, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }

    if (ts.isCallExpression(node)) return this.credentialInCall(node, depth);
    return undefined;
  }

  private credentialInCall(call: ts.CallExpression, depth: number): CredentialMatch | undefined {
    const callee = this.values.unwrap(call.expression);
    const name = dottedName(callee);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (this.passesThrough(call)) {
      const target = PASS_THROUGH_FUNCTIONS.has(name) || PASS_THROUGH_FUNCTIONS.has(method) && !ts.isPropertyAccessExpression(callee)
        ? call.arguments[0]
        : ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
      if (target) {
        if (PASS_THROUGH_METHODS.has(method) && ts.isPropertyAccessExpression(callee)) {
          const inner = this.credentialIn(callee.expression, depth + 1);
          if (inner) return inner;
          for (const argument of call.arguments) {
            const fromArgument = this.credentialIn(argument, depth + 1);
            if (fromArgument) return fromArgument;
          }
          return undefined;
        }
        return this.credentialIn(target, depth + 1);
      }
    }
    if ((method === 'slice' || method === 'substring' || method === 'substr') && ts.isPropertyAccessExpression(callee)) {
      // A short prefix is the usual way to show which token without showing it.
      const [start, end] = call.arguments;
      const length = end && ts.isNumericLiteral(end) && start && ts.isNumericLiteral(start) ? Number(end.text) - Number(start.text) : undefined;
      if (length !== undefined && length <= SAFE_PREFIX_LENGTH) return undefined;
      if (start && ts.isPrefixUnaryExpression(start) && start.operator === ts.SyntaxKind.MinusToken && !end) {
        const tail = ts.isNumericLiteral(start.operand) ? Number(start.operand.text) : Infinity;
        if (tail <= SAFE_PREFIX_LENGTH) return undefined;
      }
      return this.credentialIn(callee.expression, depth + 1);
    }
    if (method === 'json' && ts.isPropertyAccessExpression(callee) && this.isTokenEndpointResponse(callee.expression)) {
      return { label: 'token response', origin: 'token-response', node: call };
    }
    if (method && isTokenProducingCall(method)) return { label: `${method}()`, origin: 'token-response', node: call };
    const local = this.values.calledFunction(call);
    if (local) {
      for (const returned of this.values.returnedExpressions(local)) {
        const inner = this.credentialIn(returned, depth + 1);
        // A helper that returns its parameter hands back what the caller passed.
        if (inner && !(ts.isIdentifier(inner.node) && this.isParameterOf(inner.node, local))) return { ...inner, label: shortText(call) };
        if (inner) {
          const position = local.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === (inner.node as ts.Identifier).text);
          const argument = position >= 0 ? call.arguments[position] : undefined;
          if (argument) {
            const fromArgument = this.credentialIn(argument, depth + 1);
            if (fromArgument) return fromArgument;
          }
        }
      }
    }
    return undefined;
  }

  private isParameterOf(identifier: ts.Identifier, fn: ts.SignatureDeclaration): boolean {
    return fn.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === identifier.text);
  }

  /** `fetch(url, …)`/`axios.post(…)`/`got.post(…)` whose URL or body marks it as a token-endpoint request. */
  isTokenEndpointResponse(expression: ts.Expression): boolean {
    for (const origin of this.values.origins(expression)) {
      if (!ts.isCallExpression(origin)) continue;
      const callee = dottedName(origin.expression);
      if (!/(^|\.)(fetch|post|request|got|undici\.request|ky)$/.test(callee)) continue;
      for (const argument of origin.arguments) {
        const strings = this.values.stringValues(argument);
        if (strings?.some((value) => /\/(oauth2?\/)?(access_)?token\b|grant_type=/.test(value))) return true;
        const properties = this.values.objectProperties(argument);
        const body = properties?.get('body') ?? properties?.get('data');
        if (body) {
          const bodyProperties = this.values.objectProperties(body);
          if (bodyProperties?.has('grant_type')) return true;
          if (this.values.stringValues(body)?.some((value) => value.includes('grant_type='))) return true;
        }
        if (ts.isIdentifier(this.values.unwrap(argument)) && /token(url|endpoint)/i.test((this.values.unwrap(argument) as ts.Identifier).text)) return true;
      }
    }
    return false;
  }

  /** Whether a call hands its input through unchanged (`String(x)`, `JSON.stringify(x)`, `x.trim()`). */
  passesThrough(call: ts.CallExpression): boolean {
    const callee = this.values.unwrap(call.expression);
    const name = dottedName(callee);
    if (PASS_THROUGH_FUNCTIONS.has(name)) return true;
    if (ts.isPropertyAccessExpression(callee) && PASS_THROUGH_METHODS.has(callee.name.text)) return true;
    return false;
  }

  /** Literals, counts and parser output: values a generic name like 'token' can hold without being a credential. */
  isKnownNonCredential(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isNumericLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return true;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return /^(\[?redacted\]?|\*+|<[^>]*>|)$/i.test(node.text) || node.text.length < 8;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return true;
    if (ts.isTypeOfExpression(node)) return true;
    if (ts.isCallExpression(node)) {
      const callee = dottedName(node.expression);
      if (/(^|\.)(split|match|matchAll|tokenize|encode|lex|scan|nextToken|Boolean|Number|parseInt|count\w*)$/.test(callee)) return true;
    }
    return false;
  }
}

/** Names too generic to trust without looking at where the value comes from. */
function isGenericName(name: string): boolean {
  return /^(token|tokens|tok|t)$/i.test(name);
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
