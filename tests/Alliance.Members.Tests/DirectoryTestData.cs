using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Persistence;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>Small helpers the directory tests share: demo ids, request bodies, outbox checks.</summary>
internal static class DirectoryTestData
{
    public const string OfficeName = "Amt für Wirtschaftsförderung";
    public const string RepresentativeOrganizationName = "Modehaus Brandt";

    public static Task<Guid> OrganizationIdAsync(this AllianceApp app, string name) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<int> OutboxCountAsync(this AllianceApp app, string eventName, Guid aboutId) =>
        app.WithScopeAsync(async sp =>
        {
            var name = EventNames.Of(typeof(Alliance.Members.Contracts.PersonErased).Assembly.GetType("Alliance.Members.Contracts." + eventName, throwOnError: true)!);
            var payloads = await sp.GetRequiredService<MembersDbContext>().Set<OutboxMessage>()
                .Where(m => m.Type == name)
                .Select(m => m.Payload)
                .ToListAsync();
            return payloads.Count(p => p.Contains(aboutId.ToString(), StringComparison.OrdinalIgnoreCase));
        });

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The update body for an organisation as the detail endpoint returned it, with some fields changed.</summary>
    public static Dictionary<string, object?> UpdateBody(JsonElement details, params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = details.GetProperty("name").GetString(),
            ["partnerGroup"] = details.GetProperty("partnerGroup").GetString(),
            ["sector"] = NullableString(details, "sector"),
            ["employeeCount"] = details.GetProperty("employeeCount").ValueKind == JsonValueKind.Null ? null : details.GetProperty("employeeCount").GetInt32(),
            ["district"] = NullableString(details, "district"),
            ["street"] = NullableString(details, "street"),
            ["postalCode"] = NullableString(details, "postalCode"),
            ["city"] = NullableString(details, "city"),
            ["website"] = NullableString(details, "website"),
            ["memberSince"] = NullableString(details, "memberSince"),
            ["memberUntil"] = NullableString(details, "memberUntil"),
            ["version"] = details.GetProperty("version").GetUInt32(),
        };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    public static Dictionary<string, object?> PersonBody(params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["firstName"] = "Karin",
            ["lastName"] = "Kaiser",
            ["email"] = $"karin.kaiser.{Guid.NewGuid():N}@elektro-kaiser.example",
            ["phone"] = "+49 341 123456",
            ["function"] = "Geschäftsführerin",
            ["organizationId"] = null,
            ["preferredLanguage"] = "de",
            ["consentContactByEmail"] = true,
            ["consentNameVisible"] = false,
        };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    public static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    private static string? NullableString(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();
}
