using Markdig;
using Microsoft.AspNetCore.Components;

namespace Alliance.Shared.Web;

/// <summary>User text as Markdown with raw HTML switched off, so nobody can inject markup or script.</summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    public static MarkupString ToHtml(string? markdown) =>
        new(string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdown.ToHtml(markdown, Pipeline));
}
