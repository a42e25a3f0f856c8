using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Probes.Tests;

/// <summary>
/// A 201's Location answers GET (docs/modules.md, "Endpoints"): every Location template the API can answer with —
/// read from the source, where each is a literal at its <c>Created(…)</c> call — matches a GET route of the running
/// host's route table (its EndpointDataSource, constraints included). A new 201 whose Location names no GET route
/// fails here, as POST /api/labs/{labId}/action-items did with /api/labs/action-items/{id} before it had a GET.
/// </summary>
[Collection(ProbeApp.Collection)]
public sealed partial class CreatedLocationTests(ProbeApp app)
{
    /// <summary>The one place a Location is not a literal: the modules' <c>Reply.Created(sent, location)</c>, whose callers pass the literal.</summary>
    private const string ReplyHelperArguments = "location(id), new IdResponse(id)";

    [Fact]
    public void Every_Location_a_201_names_is_a_GET_route_of_the_host()
    {
        var templates = LocationTemplates();
        // The scan must find what is known to be there; an empty or broken scan would prove nothing.
        Assert.True(templates.Count >= 30, $"only {templates.Count} Location templates found: {string.Join(", ", templates.Select(t => t.Template))}");
        Assert.Contains(templates, t => t.Template == "/api/labs/action-items/{id}");

        var routes = GetRoutes();
        var dangling = templates
            .Where(t => !routes.Any(route => route.Matches(Sample(t.Template))))
            .Select(t => $"{t.Template} ({t.Where}) answers no GET")
            .ToList();
        Assert.True(dangling.Count == 0, string.Join("\n", dangling));
    }

    [Fact]
    public void The_check_tells_a_dangling_Location_from_a_real_one()
    {
        var routes = GetRoutes();
        Assert.Contains(routes, r => r.Matches(Sample("/api/labs/{id}")));
        // No GET answers an agenda item on its own, and a Guid route does not take a word.
        Assert.DoesNotContain(routes, r => r.Matches(Sample("/api/meetings/agenda/{id}")));
        Assert.DoesNotContain(routes, r => r.Matches("/api/labs/offers/not-a-guid"));
        // A Location naming a route only for another method (PUT) is dangling too.
        Assert.DoesNotContain(routes, r => r.Matches(Sample("/api/labs/action-items/{id}/status")));
    }

    /// <summary>
    /// Every <c>TypedResults.Created(…)</c>, <c>Results.Created(…)</c> and <c>Reply.Created(…)</c> call in src/, with the
    /// literal path of its Location ("/api/labs/action-items/{id}", the interpolation holes as they are written). A
    /// call whose Location is not a literal fails: it could not be checked.
    /// </summary>
    private static List<(string Template, string Where)> LocationTemplates()
    {
        var root = Artifacts.RepositoryRoot() ?? throw new InvalidOperationException("Alliance.sln not found above " + AppContext.BaseDirectory);
        var found = new List<(string, string)>();
        var unreadable = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root.FullName, file);
            if (relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match call in CreatedCall().Matches(source))
            {
                var arguments = Arguments(source, call.Index + call.Length);
                var line = source[..call.Index].Count(c => c == '\n') + 1;
                var literals = PathLiteral().Matches(arguments).Select(m => m.Groups["path"].Value).ToList();
                if (literals.Count > 0)
                {
                    found.AddRange(literals.Select(l => (l, $"{relative}:{line}")));
                }
                else if (arguments.Trim() != ReplyHelperArguments)
                {
                    unreadable.Add($"{relative}:{line}: {arguments.Trim()}");
                }
            }
        }

        Assert.True(unreadable.Count == 0, "a 201 whose Location is not a literal path cannot be checked:\n" + string.Join("\n", unreadable));
        return found;
    }

    /// <summary>The text between the call's "(" (just before <paramref name="start"/>) and its matching ")".</summary>
    private static string Arguments(string source, int start)
    {
        var depth = 1;
        for (var i = start; i < source.Length; i++)
        {
            depth += source[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return source[start..i];
            }
        }

        throw new InvalidOperationException("unbalanced Created( call");
    }

    /// <summary>A request path for a template: each interpolation hole ({id}, {created.PersonId}) becomes an id.</summary>
    private static string Sample(string template) => Hole().Replace(template, _ => Guid.NewGuid().ToString());

    /// <summary>The host's GET routes of the API (pages are no Location of a JSON answer), with their constraints.</summary>
    private List<GetRoute> GetRoutes()
    {
        var resolver = app.Services.GetRequiredService<IInlineConstraintResolver>();
        var routes = new List<GetRoute>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || methods is null || !methods.Contains(HttpMethods.Get))
            {
                continue;
            }

            var template = TemplateParser.Parse("/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'));
            // A catch-all would take any Location and prove nothing.
            if (template.Parameters.Any(p => p.IsCatchAll))
            {
                continue;
            }

            routes.Add(new GetRoute(template, resolver));
        }

        Assert.NotEmpty(routes);
        return routes;
    }

    private sealed class GetRoute(RouteTemplate template, IInlineConstraintResolver resolver)
    {
        private readonly TemplateMatcher _matcher = new(template, new RouteValueDictionary());

        public string Template => template.TemplateText ?? "";

        /// <summary>Whether a GET of <paramref name="path"/> reaches this route: its segments and every parameter's constraints.</summary>
        public bool Matches(string path)
        {
            var values = new RouteValueDictionary();
            if (!_matcher.TryMatch(path, values))
            {
                return false;
            }

            return template.Parameters.All(parameter => parameter.InlineConstraints.All(inline =>
                resolver.ResolveConstraint(inline.Constraint) is { } constraint
                && constraint.Match(null, null, parameter.Name!, values, RouteDirection.IncomingRequest)));
        }
    }

    [GeneratedRegex(@"\b(?:TypedResults|Results|Reply)\.Created(?:AtRoute)?\s*\(")]
    private static partial Regex CreatedCall();

    [GeneratedRegex("\\$?@?\"(?<path>/[^\"]*)\"")]
    private static partial Regex PathLiteral();

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Hole();
}
