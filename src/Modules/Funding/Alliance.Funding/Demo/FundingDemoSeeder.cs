using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Demo;

/// <summary>
/// The funding of the demo alliance on an empty funding schema: the open call "BMBF Anschlussfinanzierung
/// Wirtschaftsallianz" (deadline in six weeks, AZAP) for journey 7, and the approved, running three-year project
/// "Wirtschaftsallianz – Aufbauphase" (from 1 January last year) from an earlier Land call: budget per year in the
/// Land programme's categories, city and member co-financing (the demo representative's organisation is a partner
/// with a letter of intent), three work packages with milestones, the workflow's audit trail, the grant with yearly
/// interim reports and the final report (last year's interim report is drafted and due, its deadline extended to at least four weeks ahead), monthly expenses up to
/// today and quarterly drawdowns. Deterministic apart from "today".
/// </summary>
internal sealed class FundingDemoSeeder(FundingDbContext db, IMediator mediator, TimeProvider clock)
{
    public const string OpenCall = "BMBF Anschlussfinanzierung Wirtschaftsallianz";
    public const string RunningProject = "Wirtschaftsallianz – Aufbauphase";
    private const string RepresentativeEmail = "vertretung@allianz.example";
    private const string StaffEmail = "geschaeftsstelle@allianz.example";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Calls.AnyAsync(ct))
        {
            return;
        }

        var organizations = await mediator.Send(new GetActiveOrganizations(), ct);
        if (organizations.Count < 3)
        {
            return;
        }

        var contacts = await mediator.Send(new GetMemberContacts(null), ct);
        var partner = contacts.FirstOrDefault(p => p.Email == RepresentativeEmail)?.OrganizationId ?? organizations[1].Id;
        // The audit trail names the demo staff member by id as well as by name, so erasing her or him blanks the copy too.
        var staff = contacts.FirstOrDefault(p => p.Email == StaffEmail);
        var others = organizations.Where(o => o.Id != partner).ToList();
        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);

        db.Calls.Add(new Call
        {
            Id = Guid.NewGuid(), Funder = "Bundesministerium für Bildung und Forschung", Programme = "Regionale Innovationsnetzwerke",
            Title = OpenCall, Link = "https://www.bmbf.de/", SubmissionDeadline = today.AddDays(42), FundingRate = 80m, MaxAmount = 450_000m,
            Preset = CostPreset.FederalAzap, CostCategories = CostCategories.For(CostPreset.FederalAzap, null, null).Categories, FlatRate = CostCategories.AzapFlatRate,
            Notes = "Anschlussfinanzierung für zwei weitere Jahre; Skizze mit Kostenplan und Absichtserklärungen der Mitglieder.", CreatedAt = now,
        });
        var landCall = new Call
        {
            Id = Guid.NewGuid(), Funder = "Land (Wirtschaftsministerium)", Programme = "Regionale Wirtschaftsnetzwerke", Title = "Aufbau regionaler Wirtschaftsallianzen",
            SubmissionDeadline = new DateOnly(today.Year - 2, 10, 31), FundingRate = 70m, MaxAmount = 300_000m, Preset = CostPreset.LandFlatRate,
            CostCategories = CostCategories.For(CostPreset.LandFlatRate, null, null).Categories, FlatRate = CostCategories.LandFlatRate, CreatedAt = now,
        };
        db.Calls.Add(landCall);

        var start = new DateOnly(today.Year - 1, 1, 1);
        var end = new DateOnly(today.Year + 1, 12, 31);
        var project = new Application
        {
            Id = Guid.NewGuid(), CallId = landCall.Id, Title = RunningProject, ApplicantOrganizationId = others[0].Id, ProjectStart = start, ProjectEnd = end,
            Summary = "Aufbau der Wirtschaftsallianz: Plenum, drei Labore (Handwerk, Handel der Zukunft, nachhaltige Gründungen), Matching von Bedarfen und Angeboten, jährliche Unternehmensbefragung.",
            Status = ApplicationStatus.Running, CityContribution = 40_000m, CreatedAt = now,
        };
        db.Applications.Add(project);
        db.Partners.AddRange(
            new Partner { Id = Guid.NewGuid(), ApplicationId = project.Id, OrganizationId = partner, Role = "Verbundpartner" },
            new Partner { Id = Guid.NewGuid(), ApplicationId = project.Id, OrganizationId = others[1].Id, Role = "Assoziierter Partner" });
        db.MemberContributions.AddRange(
            new MemberContribution { Id = Guid.NewGuid(), ApplicationId = project.Id, OrganizationId = partner, Amount = 15_000m, LetterOfIntent = true, LetterDate = start.AddMonths(-3) },
            new MemberContribution { Id = Guid.NewGuid(), ApplicationId = project.Id, OrganizationId = others[1].Id, Amount = 10_000m, LetterOfIntent = false });

        var plan = new (string Category, decimal Amount)[] { ("Staff", 65_000m), ("Material", 9_000m), ("Travel", 2_500m), ("Other", 3_500m) };
        foreach (var year in project.Years)
        {
            db.BudgetLines.AddRange(plan.Select(p => new BudgetLine { Id = Guid.NewGuid(), ApplicationId = project.Id, Year = year, Category = p.Category, Amount = p.Amount }));
            db.Grants.Add(new Grant { ApplicationId = project.Id, Year = year, Amount = 56_000m });
            if (year < end.Year)
            {
                // Due on 30 April of the next year; last year's report had its deadline extended by the funder, so the
                // demo always has a drafted interim report that is due and not yet overdue.
                var due = new DateOnly(year + 1, 4, 30);
                if (year == today.Year - 1 && due < today.AddDays(28))
                {
                    due = today.AddDays(28);
                }

                db.ReportingPeriods.Add(new ReportingPeriod
                {
                    Id = Guid.NewGuid(), ApplicationId = project.Id, Kind = ReportKind.Interim, From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31), Due = due,
                });
            }
        }

        db.ReportingPeriods.Add(new ReportingPeriod { Id = Guid.NewGuid(), ApplicationId = project.Id, Kind = ReportKind.Final, From = start, To = end, Due = end.AddMonths(6) });

        var packages = new[] { "Netzwerk, Plenum und Geschäftsstelle", "Labore und Matching", "Befragung und Evaluation" }
            .Select((title, i) => new WorkPackage { Id = Guid.NewGuid(), ApplicationId = project.Id, Number = i + 1, Title = title }).ToList();
        db.WorkPackages.AddRange(packages);
        db.Milestones.AddRange(
            new Milestone { Id = Guid.NewGuid(), ApplicationId = project.Id, WorkPackageId = packages[0].Id, Title = "Allianzvereinbarung unterzeichnet", Due = start.AddMonths(3) },
            new Milestone { Id = Guid.NewGuid(), ApplicationId = project.Id, WorkPackageId = packages[1].Id, Title = "Drei Labore arbeiten", Due = start.AddMonths(9) },
            new Milestone { Id = Guid.NewGuid(), ApplicationId = project.Id, WorkPackageId = packages[2].Id, Title = "Zweite Befragungswelle ausgewertet", Due = new DateOnly(today.Year + 1, 3, 31) },
            new Milestone { Id = Guid.NewGuid(), ApplicationId = project.Id, WorkPackageId = packages[0].Id, Title = "Verstetigungskonzept vorgelegt", Due = new DateOnly(today.Year + 1, 9, 30) });

        var steps = new (ApplicationStatus From, ApplicationStatus To, DateOnly On, string Comment)[]
        {
            (ApplicationStatus.Draft, ApplicationStatus.InternalReview, new DateOnly(start.Year - 1, 9, 15), "Kostenplan mit der Kämmerei abgestimmt."),
            (ApplicationStatus.InternalReview, ApplicationStatus.Submitted, new DateOnly(start.Year - 1, 10, 28), "Fristgerecht eingereicht."),
            (ApplicationStatus.Submitted, ApplicationStatus.Approved, new DateOnly(start.Year - 1, 12, 12), "Zuwendungsbescheid erhalten."),
            (ApplicationStatus.Approved, ApplicationStatus.Running, start, "Projektstart."),
        };
        db.Transitions.AddRange(steps.Select(s => new Transition
        {
            Id = Guid.NewGuid(), ApplicationId = project.Id, From = s.From, To = s.To, At = AllianceTime.StartOf(s.On).AddHours(10).ToUniversalTime(), ByPersonId = staff?.Id, ByName = staff?.DisplayName ?? "", Comment = s.Comment,
        }));

        // Monthly spending up to last month; quarterly drawdowns, the latest still partly unspent.
        var month = start;
        var receipt = 1;
        while (month.AddMonths(1) <= today && month <= end)
        {
            Expense(project.Id, month.AddDays(27), "Staff", 5_350m, "Personalkosten Projektkoordination", receipt++, "Stadtverwaltung");
            if (month.Month % 3 == 0)
            {
                Expense(project.Id, month.AddDays(14), "Material", 1_980.40m, "Raummiete und Catering Plenum", receipt++, "Stadthalle GmbH");
                Expense(project.Id, month.AddDays(20), "Travel", 412.60m, "Fahrtkosten Laborbesuche", receipt++, null);
            }

            if (month.Month % 6 == 1)
            {
                Expense(project.Id, month.AddDays(8), "Other", 890m, "Druck Einladungen und Plakate", receipt++, "Druckerei Weber");
            }

            if (month.Month % 3 == 1)
            {
                db.Drawdowns.Add(new Drawdown { Id = Guid.NewGuid(), ApplicationId = project.Id, Date = month.AddDays(4), Amount = 14_000m, RecordedAt = now });
            }

            month = month.AddMonths(1);
        }

        await db.SaveChangesAsync(ct);

        // Last year's interim report is drafted as the report job would have drafted it, with a first narrative.
        var ended = await db.ReportingPeriods.Where(p => p.ApplicationId == project.Id && p.To < today).Select(p => p.Id).ToListAsync(ct);
        foreach (var period in ended)
        {
            await mediator.Send(new Reports.DraftReport(period), ct);
        }

        foreach (var report in await db.Reports.Where(r => r.ApplicationId == project.Id).ToListAsync(ct))
        {
            report.Goals = "Die Wirtschaftsallianz bringt Unternehmen, Wissenschaft, Verwaltung und Kammern zusammen: ein Plenum je Quartal, drei Reallabore und ein Matching von Bedarfen und Angeboten.";
        }

        await db.SaveChangesAsync(ct);

        void Expense(Guid applicationId, DateOnly date, string category, decimal amount, string description, int number, string? payee) =>
            db.Expenses.Add(new Expense
            {
                Id = Guid.NewGuid(), ApplicationId = applicationId, Date = date, Year = date.Year, Category = category, Amount = amount, Description = description,
                ReceiptReference = $"B-{date.Year}-{number:D3}", Payee = payee, RecordedAt = now,
            });
    }
}
