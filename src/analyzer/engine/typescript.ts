import { createRequire } from 'node:module';
import type { ts as TypeScript } from 'ts-morph';

/**
 * The TypeScript compiler that ts-morph ships (6.x), loaded on its own: importing 'ts-morph' also
 * loads ts-morph's wrapper and makes Node scan its 9 MB bundle for exports, about 0.18 s of CPU
 * at every CLI start that the analyzer never uses (it walks compiler nodes directly).
 */
export const ts: typeof TypeScript = createRequire(import.meta.url)('@ts-morph/common/dist/typescript.js') as typeof TypeScript;

/** The compiler's types the analyzer names (`ts.Node`); add one here when a new one is needed. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ts {
  type ArrowFunction = TypeScript.ArrowFunction;
  type BinaryExpression = TypeScript.BinaryExpression;
  type BindingElement = TypeScript.BindingElement;
  type BindingName = TypeScript.BindingName;
  type CallExpression = TypeScript.CallExpression;
  type CaseClause = TypeScript.CaseClause;
  type CatchClause = TypeScript.CatchClause;
  type ClassDeclaration = TypeScript.ClassDeclaration;
  type ClassLikeDeclaration = TypeScript.ClassLikeDeclaration;
  type ConditionalExpression = TypeScript.ConditionalExpression;
  type ConstructorDeclaration = TypeScript.ConstructorDeclaration;
  type DiagnosticWithLocation = TypeScript.DiagnosticWithLocation;
  type ElementAccessExpression = TypeScript.ElementAccessExpression;
  type EntityName = TypeScript.EntityName;
  type Expression = TypeScript.Expression;
  type FunctionDeclaration = TypeScript.FunctionDeclaration;
  type FunctionExpression = TypeScript.FunctionExpression;
  type FunctionLikeDeclaration = TypeScript.FunctionLikeDeclaration;
  type GetAccessorDeclaration = TypeScript.GetAccessorDeclaration;
  type Identifier = TypeScript.Identifier;
  type IfStatement = TypeScript.IfStatement;
  type ImportClause = TypeScript.ImportClause;
  type ImportDeclaration = TypeScript.ImportDeclaration;
  type ImportEqualsDeclaration = TypeScript.ImportEqualsDeclaration;
  type ImportSpecifier = TypeScript.ImportSpecifier;
  type InterfaceDeclaration = TypeScript.InterfaceDeclaration;
  type JSDocImportTag = TypeScript.JSDocImportTag;
  type JSDocParsingMode = TypeScript.JSDocParsingMode;
  type MethodDeclaration = TypeScript.MethodDeclaration;
  type NamedDeclaration = TypeScript.NamedDeclaration;
  type NamespaceImport = TypeScript.NamespaceImport;
  type NewExpression = TypeScript.NewExpression;
  type NoSubstitutionTemplateLiteral = TypeScript.NoSubstitutionTemplateLiteral;
  type Node = TypeScript.Node;
  type NodeArray<T extends TypeScript.Node> = TypeScript.NodeArray<T>;
  type NodeFlags = TypeScript.NodeFlags;
  type ObjectLiteralElementLike = TypeScript.ObjectLiteralElementLike;
  type ObjectLiteralExpression = TypeScript.ObjectLiteralExpression;
  type ParameterDeclaration = TypeScript.ParameterDeclaration;
  type PropertyAccessExpression = TypeScript.PropertyAccessExpression;
  type PropertyAssignment = TypeScript.PropertyAssignment;
  type PropertyName = TypeScript.PropertyName;
  type QualifiedName = TypeScript.QualifiedName;
  type ReturnStatement = TypeScript.ReturnStatement;
  type ScriptKind = TypeScript.ScriptKind;
  type ScriptTarget = TypeScript.ScriptTarget;
  type ShorthandPropertyAssignment = TypeScript.ShorthandPropertyAssignment;
  type SpreadAssignment = TypeScript.SpreadAssignment;
  type SignatureDeclaration = TypeScript.SignatureDeclaration;
  type SourceFile = TypeScript.SourceFile;
  type Statement = TypeScript.Statement;
  type StringLiteral = TypeScript.StringLiteral;
  type StringLiteralLike = TypeScript.StringLiteralLike;
  type SyntaxKind = TypeScript.SyntaxKind;
  type TaggedTemplateExpression = TypeScript.TaggedTemplateExpression;
  type TemplateExpression = TypeScript.TemplateExpression;
  type ThisExpression = TypeScript.ThisExpression;
  type TypeAliasDeclaration = TypeScript.TypeAliasDeclaration;
  type TypeElement = TypeScript.TypeElement;
  type TypeNode = TypeScript.TypeNode;
  type VariableDeclaration = TypeScript.VariableDeclaration;
}
