using System.Net.Http.Json;
using System.Security.Claims;
using Alliance.Funding.Applications;
using Alliance.Funding.Budget;
using Alliance.Funding.Calls;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Workflow;
using Alliance.Members.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Funding.Tests;

/// <summary>Builds calls and applications for the tests through the module's own requests, as staff.</summary>
internal static class FundingTestData
{
    public static DateOnly Today => AllianceTime.Today(TimeProvider.System);

    /// <summary>A two-year project starting on 1 January of this year.</summary>
    public static DateOnly Start => new(Today.Year, 1, 1);

    public static DateOnly End => Start.AddYears(2).AddDays(-1);

    public static Task<ClaimsPrincipal> StaffAsync(this AllianceApp app) => app.PrincipalAsync(DemoUsers.Staff);

    public static async Task<Guid> RepresentativeOrganizationAsync(this AllianceApp app) =>
        Guid.Parse((await app.PrincipalAsync(DemoUsers.Representative)).FindFirstValue(AllianceClaimTypes.OrganizationId)!);

    public static Task<T> FundingDbAsync<T>(this AllianceApp app, Func<FundingDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<FundingDbContext>()));

    public static async Task<Guid> CreateCallAsync(this AllianceApp app, string title = "BMBF Anschlussfinanzierung Wirtschaftsallianz", DateOnly? deadline = null,
        CostPreset preset = CostPreset.FederalAzap, decimal rate = 80m, decimal? max = null) =>
        await app.SendAsync(new CreateCall("BMBF", "Regionale Innovation", title, "https://www.bmbf.example/aufruf", deadline ?? Today.AddDays(60), rate, max,
            preset, null, null, null), await app.StaffAsync());

    /// <summary>A draft with the budget of the arithmetic test: staff 50,000 + material 10,000.55 in year 1, staff 40,000 in year 2.</summary>
    public static async Task<Guid> DraftWithBudgetAsync(this AllianceApp app, Guid? applicant = null)
    {
        var staff = await app.StaffAsync();
        var organizations = await app.SendAsync(new GetActiveOrganizations());
        var call = await app.CreateCallAsync();
        var id = await app.SendAsync(new CreateApplication(call, "Wirtschaftsallianz 2.0", "Zwei weitere Jahre Allianzarbeit.", applicant ?? organizations[0].Id, Start, End), staff);
        await app.SendAsync(new SetBudgetLine(id, Start.Year, "Staff", 50_000m), staff);
        await app.SendAsync(new SetBudgetLine(id, Start.Year, "Material", 10_000.55m), staff);
        await app.SendAsync(new SetBudgetLine(id, Start.Year + 1, "Staff", 40_000m), staff);
        return id;
    }

    public static async Task<ApplicationPage> PageAsync(this AllianceApp app, Guid id) => await app.SendAsync(new GetApplication(id), await app.StaffAsync());

    /// <summary>Moves the draft to running: review, submit, approve (grants 50,000 / 40,000, one interim and the final report), run.</summary>
    public static async Task RunAsync(this AllianceApp app, Guid id)
    {
        var staff = await app.StaffAsync();
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.InternalReview, "Bitte prüfen", (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Submitted, "Eingereicht per easy-Online", (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new RecordApproval(id, true, [new GrantInput(Start.Year, 50_000m), new GrantInput(Start.Year + 1, 40_000m)],
            [new ReportingPeriodInput(ReportKind.Interim, Start, new DateOnly(Start.Year, 12, 31), new DateOnly(Start.Year + 1, 4, 30)),
             new ReportingPeriodInput(ReportKind.Final, Start, End, End.AddMonths(6))],
            "Bescheid vom Ministerium", (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Running, "Projektstart", (await app.PageAsync(id)).Version), staff);
    }

    /// <summary>The fields a 400 problem names (its "errors" keys), lower-cased, whatever casing the serializer chose.</summary>
    public static HashSet<string> ErrorFields(string problem)
    {
        using var json = System.Text.Json.JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ToHashSet()
            : [];
    }
}
