using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContractFirst.Generator.FuzzRunner;

/// <summary>
/// What a file declares, as text: its tokens without method, accessor and operator bodies,
/// without property and non-constant field initializers, and without trivia (so comments and
/// XML docs drop out). Two files with the same skeleton declare the same symbols.
/// </summary>
internal sealed class Skeleton : CSharpSyntaxRewriter
{
    private static readonly Skeleton s_instance = new();

    public static string Of(SyntaxTree tree)
    {
        var stripped = s_instance.Visit(tree.GetRoot());
        var builder = new StringBuilder();
        foreach (var token in stripped.DescendantTokens())
        {
            builder.Append(token.Text).Append(' ');
        }

        return builder.ToString();
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        node.WithBody(null).WithExpressionBody(null);

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        node.WithBody(null).WithExpressionBody(null).WithInitializer(null);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        node.WithBody(null).WithExpressionBody(null);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        node.WithBody(null).WithExpressionBody(null);

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var accessors = node.AccessorList is null
            ? null
            : node.AccessorList.WithAccessors(SyntaxFactory.List(node.AccessorList.Accessors.Select(a => a.WithBody(null).WithExpressionBody(null))));
        return node.WithExpressionBody(null).WithInitializer(null).WithAccessorList(accessors);
    }

    public override SyntaxNode? VisitFieldDeclaration(FieldDeclarationSyntax node) =>
        node.Modifiers.Any(SyntaxKind.ConstKeyword)
            ? node
            : node.WithDeclaration(node.Declaration.WithVariables(SyntaxFactory.SeparatedList(node.Declaration.Variables.Select(v => v.WithInitializer(null)))));
}
