using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Demo;
using Alliance.Labs.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Labs.Tests;

/// <summary>Finding demo data by name, and a few shared steps.</summary>
internal static class LabsTestData
{
    public static Task<Guid> LabIdAsync(this AllianceApp app, string title) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<LabsDbContext>().Labs.Where(l => l.Title == title).Select(l => l.Id).SingleAsync());

    public static Task<Guid> RetailLabAsync(this AllianceApp app) => app.LabIdAsync(LabsDemoSeeder.RetailLab);

    public static Task<T> LabsDbAsync<T>(this AllianceApp app, Func<LabsDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<LabsDbContext>()));

    public static async Task<Guid> CreatedIdAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Today in the alliance's zone (Berlin), as the due-date rules count it.</summary>
    public static DateOnly AllianceToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Berlin"));

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
