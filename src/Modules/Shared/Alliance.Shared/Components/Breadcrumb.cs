namespace Alliance.Shared.Components;

/// <summary>One step of the breadcrumb; the last step (the current page) has no link.</summary>
public sealed record Breadcrumb(string Text, string? Href = null);
