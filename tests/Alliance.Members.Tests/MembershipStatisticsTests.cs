using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>
/// <see cref="GetMembershipStatistics"/>: member organisations by partner group at a period's end and joined/left in it,
/// with known organisations of 2016 (the demo's members joined from 2019 on) and the demo cross-checked in C#.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class MembershipStatisticsTests(AllianceApp app)
{
    [Fact]
    public async Task A_past_year_counts_members_at_its_end_and_who_joined_and_left_by_partner_group()
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MembersDbContext>();
            db.Organizations.AddRange(
                Organization(PartnerGroup.Company, new DateOnly(2015, 5, 1), null),
                Organization(PartnerGroup.Company, new DateOnly(2016, 12, 31), null),
                Organization(PartnerGroup.Science, new DateOnly(2016, 3, 1), new DateOnly(2016, 10, 31)),
                Organization(PartnerGroup.School, new DateOnly(2014, 1, 1), new DateOnly(2016, 12, 31)),
                Organization(PartnerGroup.Chamber, new DateOnly(2015, 1, 1), null, active: false),
                Organization(PartnerGroup.Politics, null, null, recorded: Berlin(2016, 12, 31, 23, 30)),
                Organization(PartnerGroup.Politics, null, null, recorded: Berlin(2017, 1, 1, 0, 30)),
                Organization(PartnerGroup.Administration, new DateOnly(2017, 1, 1), null));
            return await db.SaveChangesAsync();
        });

        var statistics = await app.SendAsync(new GetMembershipStatistics(new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 31)));

        Assert.Equal((4, 3, 2), (statistics.MembersAtEnd, statistics.Joined, statistics.Left));
        Assert.Equal(Enum.GetValues<PartnerGroup>(), statistics.ByPartnerGroup.Select(g => g.PartnerGroup));
        Assert.Equal(new PartnerGroupMembership(PartnerGroup.Company, 2, 1, 0), Group(statistics, PartnerGroup.Company));
        Assert.Equal(new PartnerGroupMembership(PartnerGroup.Science, 0, 1, 1), Group(statistics, PartnerGroup.Science));
        Assert.Equal(new PartnerGroupMembership(PartnerGroup.School, 1, 0, 1), Group(statistics, PartnerGroup.School));
        Assert.Equal(new PartnerGroupMembership(PartnerGroup.Politics, 1, 1, 0), Group(statistics, PartnerGroup.Politics));
        Assert.Equal(new PartnerGroupMembership(PartnerGroup.Chamber, 0, 0, 0), Group(statistics, PartnerGroup.Chamber));
        Assert.Equal(new PartnerGroupMembership(PartnerGroup.Administration, 0, 0, 0), Group(statistics, PartnerGroup.Administration));
    }

    [Fact]
    public async Task The_demo_directory_agrees_with_counting_the_organisations()
    {
        var today = AllianceTime.Today(TimeProvider.System);
        var request = new GetMembershipStatistics(today.AddYears(-5), today);
        var statistics = await app.SendAsync(request);
        var period = PeriodInstants.Of(request);

        var organizations = await app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().Organizations.AsNoTracking().ToListAsync());
        var members = organizations.Where(o => o.IsActive || o.MemberUntil != null).ToList();
        bool Began(Organization o, DateOnly day) => o.MemberSince is { } since ? since <= day : o.CreatedAt < PeriodInstants.Of(day, day).End;
        var atEnd = members.Where(o => Began(o, today) && (o.MemberUntil is null || o.MemberUntil >= today)).ToList();
        var joined = members.Where(o => o.MemberSince is { } since ? since >= request.From && since <= today : o.CreatedAt >= period.Start && o.CreatedAt < period.End).ToList();

        Assert.True(atEnd.Count >= 30, "the demo directory has its members");
        Assert.True(joined.Count > 0, "some demo members joined in the last five years");
        Assert.Equal(atEnd.Count, statistics.MembersAtEnd);
        Assert.Equal(joined.Count, statistics.Joined);
        foreach (var group in Enum.GetValues<PartnerGroup>())
        {
            Assert.Equal(atEnd.Count(o => o.PartnerGroup == group), Group(statistics, group).MembersAtEnd);
            Assert.Equal(joined.Count(o => o.PartnerGroup == group), Group(statistics, group).Joined);
        }
    }

    [Fact]
    public async Task A_period_longer_than_ten_years_is_refused()
    {
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GetMembershipStatistics(new DateOnly(2000, 1, 1), new DateOnly(2011, 1, 1))));
    }

    private static PartnerGroupMembership Group(MembershipStatistics statistics, PartnerGroup group) =>
        statistics.ByPartnerGroup.Single(g => g.PartnerGroup == group);

    private static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, AllianceTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Organization Organization(PartnerGroup group, DateOnly? since, DateOnly? until, bool active = true, DateTimeOffset? recorded = null)
    {
        var at = recorded ?? new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new Organization
        {
            Id = Guid.NewGuid(), Name = $"Statistik {group} {Guid.NewGuid():N}", PartnerGroup = group, MemberSince = since, MemberUntil = until,
            IsActive = active, CreatedAt = at, UpdatedAt = at,
        };
    }
}
