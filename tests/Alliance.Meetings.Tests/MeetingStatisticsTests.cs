using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings.Tests;

/// <summary>
/// <see cref="GetMeetingStatistics"/> for funding reports: period bounds in the alliance's zone, held meetings only,
/// participants by partner group and month — checked against known rows and against counting the demo data in C#.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class MeetingStatisticsTests(AllianceApp app)
{
    private static readonly Guid OrganizationA = Guid.NewGuid();
    private static readonly Guid OrganizationB = Guid.NewGuid();

    [Fact]
    public async Task A_past_period_counts_meetings_held_by_kind_and_checked_in_participants_by_partner_group_and_month()
    {
        // 2016: no demo data. The period is March and April 2016 in Berlin (DST begins on 27 March).
        var people = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            var plenary = Meeting(MeetingKind.Plenary, Berlin(2016, 3, 1, 0, 30));        // 29 Feb 23:30 UTC: in the period
            var workshop = Meeting(MeetingKind.LabWorkshop, Berlin(2016, 4, 15, 18, 0));
            var cancelled = Meeting(MeetingKind.Plenary, Berlin(2016, 4, 20, 18, 0));
            cancelled.IsCancelled = true;
            var after = Meeting(MeetingKind.NetworkMeeting, Berlin(2016, 5, 1, 0, 30));     // 30 Apr 22:30 UTC: after it
            var before = Meeting(MeetingKind.NetworkMeeting, Berlin(2016, 2, 29, 23, 30)); // 29 Feb 22:30 UTC: before it
            db.Meetings.AddRange(plenary, workshop, cancelled, after, before);
            db.Registrations.AddRange(
                Came(plenary, people[0], OrganizationA, PartnerGroup.Company),
                Came(plenary, people[1], OrganizationA, PartnerGroup.Company),
                Came(plenary, people[2], OrganizationB, PartnerGroup.Science),
                Registered(plenary, people[3]),
                Came(workshop, people[0], OrganizationA, PartnerGroup.Company),
                Came(workshop, people[4], null, null),
                Came(cancelled, people[3], OrganizationB, PartnerGroup.Science),
                Came(after, people[3], OrganizationB, PartnerGroup.Science),
                Came(before, people[3], OrganizationB, PartnerGroup.Science));
            await db.SaveChangesAsync();
            return 0;
        });

        var statistics = await app.SendAsync(new GetMeetingStatistics(new DateOnly(2016, 3, 1), new DateOnly(2016, 4, 30)));

        Assert.Equal(2, statistics.MeetingsHeld);
        Assert.Equal([(ReportedMeetingKind.Plenary, 1), (ReportedMeetingKind.LabWorkshop, 1), (ReportedMeetingKind.NetworkMeeting, 0)],
            statistics.MeetingsByKind.Select(k => (k.Kind, k.Meetings)));
        Assert.Equal(5, statistics.Attendances);
        Assert.Equal(4, statistics.DistinctPeople);
        Assert.Equal(2, statistics.DistinctOrganizations);
        Assert.Equal(Enum.GetValues<PartnerGroup>().Length + 1, statistics.ByPartnerGroup.Count);
        Assert.Equal(new PartnerGroupParticipation(PartnerGroup.Company, 3, 1), Group(statistics.ByPartnerGroup, PartnerGroup.Company));
        Assert.Equal(new PartnerGroupParticipation(PartnerGroup.Science, 1, 1), Group(statistics.ByPartnerGroup, PartnerGroup.Science));
        Assert.Equal(new PartnerGroupParticipation(null, 1, 0), statistics.ByPartnerGroup[^1]);
        Assert.Equal(0, Group(statistics.ByPartnerGroup, PartnerGroup.School).Attendances);

        Assert.Equal([new DateOnly(2016, 3, 1), new DateOnly(2016, 4, 1)], statistics.ByMonth.Select(m => m.Month));
        Assert.Equal([(1, 3), (1, 2)], statistics.ByMonth.Select(m => (m.MeetingsHeld, m.Attendances)));
        Assert.Equal(2, Group(statistics.ByMonth[0].ByPartnerGroup, PartnerGroup.Company).Attendances);
        Assert.Equal(1, Group(statistics.ByMonth[1].ByPartnerGroup, PartnerGroup.Company).Attendances);
        Assert.Equal(new PartnerGroupParticipation(null, 1, 0), statistics.ByMonth[1].ByPartnerGroup[^1]);
        Assert.Equal(statistics.Attendances, statistics.ByMonth.Sum(m => m.Attendances));

        // One day more: the May meeting joins; one day less at the start: the February one does not (it is before).
        var longer = await app.SendAsync(new GetMeetingStatistics(new DateOnly(2016, 3, 1), new DateOnly(2016, 5, 1)));
        Assert.Equal(3, longer.MeetingsHeld);
        Assert.Equal(3, longer.ByMonth.Count);
    }

    [Fact]
    public async Task The_demo_years_agree_with_counting_the_rows_and_meetings_ahead_are_not_held()
    {
        var today = AllianceTime.Today(TimeProvider.System);
        var request = new GetMeetingStatistics(today.AddYears(-3), today.AddMonths(6));
        var statistics = await app.SendAsync(request);

        var period = PeriodInstants.Of(request);
        var now = DateTimeOffset.UtcNow;
        var expected = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MeetingsDbContext>();
            var meetings = await db.Meetings.AsNoTracking().ToListAsync();
            var held = meetings.Where(m => !m.IsCancelled && m.StartsAt >= period.Start && m.StartsAt < period.End && m.StartsAt <= now)
                .Select(m => m.Id).ToHashSet();
            var registrations = await db.Registrations.AsNoTracking().Where(r => r.CheckedInAt != null).ToListAsync();
            var came = registrations.Where(r => held.Contains(r.MeetingId)).ToList();
            var future = meetings.Count(m => !m.IsCancelled && m.StartsAt > now && m.StartsAt < period.End);
            return (Held: held.Count, Came: came, Future: future);
        });

        Assert.True(expected.Held > 0 && expected.Came.Count > 0, "the demo data hold meetings with attendance");
        Assert.True(expected.Future > 0, "the demo data plan meetings ahead");
        Assert.Equal(expected.Held, statistics.MeetingsHeld);
        Assert.Equal(expected.Held, statistics.MeetingsByKind.Sum(k => k.Meetings));
        Assert.Equal(expected.Came.Count, statistics.Attendances);
        Assert.Equal(expected.Came.Select(r => r.PersonId).Distinct().Count(), statistics.DistinctPeople);
        Assert.Equal(expected.Came.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId).Distinct().Count(), statistics.DistinctOrganizations);
        foreach (var group in Enum.GetValues<PartnerGroup>())
        {
            var ofGroup = expected.Came.Where(r => r.PartnerGroup == group).ToList();
            Assert.Equal(new PartnerGroupParticipation(group, ofGroup.Count, ofGroup.Select(r => r.OrganizationId).Distinct().Count()),
                Group(statistics.ByPartnerGroup, group));
        }

        Assert.Equal(statistics.Attendances, statistics.ByMonth.Sum(m => m.Attendances));
        Assert.Equal(statistics.MeetingsHeld, statistics.ByMonth.Sum(m => m.MeetingsHeld));
        Assert.Equal(3 * 12 + 6 + 1, statistics.ByMonth.Count);
    }

    [Fact]
    public async Task A_period_ending_before_it_begins_or_longer_than_ten_years_is_refused()
    {
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GetMeetingStatistics(new DateOnly(2020, 5, 1), new DateOnly(2020, 4, 30))));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GetMeetingStatistics(new DateOnly(2010, 1, 1), new DateOnly(2020, 1, 2))));
        Assert.Equal(0, (await app.SendAsync(new GetMeetingStatistics(new DateOnly(2001, 1, 1), new DateOnly(2001, 1, 1)))).MeetingsHeld);
    }

    [Fact]
    public void The_reported_kinds_mirror_the_modules_own_kinds()
    {
        Assert.Equal(Enum.GetValues<MeetingKind>().Select(k => ((int)k, k.ToString())),
            Enum.GetValues<ReportedMeetingKind>().Select(k => ((int)k, k.ToString())));
    }

    private static PartnerGroupParticipation Group(IReadOnlyList<PartnerGroupParticipation> groups, PartnerGroup group) =>
        groups.Single(g => g.PartnerGroup == group);

    private static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, AllianceTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Meeting Meeting(MeetingKind kind, DateTimeOffset start) => new()
    {
        Id = Guid.NewGuid(), Title = "Statistik " + kind, Kind = kind, StartsAt = start, EndsAt = start.AddHours(2),
        TimeZone = AllianceTime.DefaultZone, Capacity = 50, CreatedAt = start.AddDays(-30), ChangedAt = start.AddDays(-30),
    };

    private static Registration Came(Meeting meeting, Guid person, Guid? organization, PartnerGroup? group) => new()
    {
        Id = Guid.NewGuid(), MeetingId = meeting.Id, PersonId = person, OrganizationId = organization, PartnerGroup = group,
        PersonName = "Teilnehmer:in", Status = RegistrationStatus.Registered, CheckedInAt = meeting.StartsAt, CreatedAt = meeting.CreatedAt,
    };

    private static Registration Registered(Meeting meeting, Guid person) => new()
    {
        Id = Guid.NewGuid(), MeetingId = meeting.Id, PersonId = person, OrganizationId = OrganizationA, PartnerGroup = PartnerGroup.Company,
        PersonName = "Angemeldet", Status = RegistrationStatus.Registered, CreatedAt = meeting.CreatedAt,
    };
}
