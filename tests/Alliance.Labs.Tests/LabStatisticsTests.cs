using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Tests;

/// <summary>
/// <see cref="GetLabStatistics"/> for funding reports: known rows of 2016 (no demo data then) with instants just
/// inside and outside the period in the alliance's zone, and the demo year cross-checked by counting rows in C#.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class LabStatisticsTests(AllianceApp app)
{
    private static readonly DateOnly From = new(2016, 1, 1);
    private static readonly DateOnly To = new(2016, 12, 31);

    [Fact]
    public async Task A_past_year_counts_active_labs_members_outcomes_matching_funnel_and_participants_at_its_end()
    {
        await app.LabsDbAsync(async db =>
        {
            var field = await db.ActionFields.Select(f => f.Id).FirstAsync();
            var company = Organization(PartnerGroup.Company);
            var science = Organization(PartnerGroup.Science);
            var school = Organization(PartnerGroup.School);
            db.Organizations.AddRange(company, science, school);

            var working = Lab(db, field, LabKind.WorkingLab, (LabStatus.Proposed, Berlin(2015, 6, 1)), (LabStatus.Active, Berlin(2015, 7, 1)));
            var programme = Lab(db, field, LabKind.Programme, (LabStatus.Active, Berlin(2016, 6, 1)));
            Lab(db, field, LabKind.WorkingLab, (LabStatus.Active, Berlin(2015, 1, 1)), (LabStatus.Concluded, Berlin(2015, 12, 1)));
            Lab(db, field, LabKind.WorkingLab, (LabStatus.Active, Berlin(2017, 1, 1, 0, 30))); // 31 Dec 2016 23:30 UTC: after the period

            db.Memberships.AddRange(
                Membership(working, company, Berlin(2015, 3, 1), null),
                Membership(programme, company, Berlin(2016, 3, 1), null),
                Membership(programme, science, Berlin(2016, 5, 1), null),
                Membership(working, school, Berlin(2015, 2, 1), Berlin(2015, 12, 1)));

            db.Outcomes.AddRange(
                Outcome(working, OutcomeKind.Concept, OutcomeStatus.Completed, Berlin(2016, 2, 1)),
                Outcome(working, OutcomeKind.PilotProject, OutcomeStatus.Running, Berlin(2016, 3, 1)),
                Outcome(working, OutcomeKind.PilotProject, OutcomeStatus.Idea, Berlin(2015, 5, 1)),
                Outcome(working, OutcomeKind.Recommendation, OutcomeStatus.Planned, Berlin(2017, 2, 1)));

            var need1 = new Need { Id = Guid.NewGuid(), OrganizationId = school.Id, Title = "Praktika", CreatedAt = Berlin(2016, 1, 1, 0, 30) };
            var need2 = new Need { Id = Guid.NewGuid(), OrganizationId = school.Id, Title = "Führungen", CreatedAt = Berlin(2016, 2, 1) };
            var offer0 = new Offer { Id = Guid.NewGuid(), OrganizationId = company.Id, Title = "Plätze", CreatedAt = Berlin(2015, 12, 31, 23, 30) };
            var offer1 = new Offer { Id = Guid.NewGuid(), OrganizationId = company.Id, Title = "Führung", CreatedAt = Berlin(2016, 3, 1) };
            db.Needs.AddRange(need1, need2);
            db.Offers.AddRange(offer0, offer1);
            db.Matches.AddRange(
                new Match { Id = Guid.NewGuid(), NeedId = need1.Id, OfferId = offer1.Id, MatchedAt = Berlin(2016, 4, 1), Outcome = MatchOutcome.Done },
                new Match { Id = Guid.NewGuid(), NeedId = need1.Id, OfferId = offer0.Id, MatchedAt = Berlin(2016, 5, 1), Outcome = MatchOutcome.Pending },
                new Match { Id = Guid.NewGuid(), NeedId = need2.Id, OfferId = offer0.Id, MatchedAt = Berlin(2015, 12, 31, 12, 0), Outcome = MatchOutcome.Done });

            var open = Proposal(company, Berlin(2016, 2, 1), ProposalStatus.Open, null);
            var takenThisYear = Proposal(company, Berlin(2015, 11, 1), ProposalStatus.TakenIntoLab, Berlin(2016, 1, 10));
            var takenNextYear = Proposal(science, Berlin(2016, 3, 1), ProposalStatus.TakenIntoLab, Berlin(2017, 1, 5));
            db.Proposals.AddRange(open, takenThisYear, takenNextYear);
            db.Supports.AddRange(
                Support(open, company, Berlin(2016, 2, 2)), Support(open, science, Berlin(2016, 2, 3)),
                Support(takenNextYear, company, Berlin(2016, 3, 2)), Support(takenThisYear, science, Berlin(2015, 11, 2)));

            Participant(db, programme, (ParticipantStatus.Interested, new DateOnly(2016, 2, 1)), (ParticipantStatus.BusinessStarted, new DateOnly(2016, 11, 1)),
                (ParticipantStatus.GaveUp, new DateOnly(2017, 2, 1)));
            Participant(db, programme, (ParticipantStatus.InProgramme, new DateOnly(2016, 12, 31)));
            Participant(db, programme, (ParticipantStatus.Interested, new DateOnly(2017, 1, 1)));
            return await db.SaveChangesAsync();
        });

        var statistics = await app.SendAsync(new GetLabStatistics(From, To));

        Assert.Equal((2, 1, 1), (statistics.ActiveLabs, statistics.ActiveWorkingLabs, statistics.ActiveProgrammes));
        Assert.Equal((2, 2), (statistics.MemberOrganizations, statistics.OrganizationsJoined));
        Assert.Equal(Enum.GetValues<PartnerGroup>(), statistics.MemberOrganizationsByPartnerGroup.Select(g => g.PartnerGroup));
        Assert.Equal(new LabMembersByPartnerGroup(PartnerGroup.Company, 1, 1), statistics.MemberOrganizationsByPartnerGroup.Single(g => g.PartnerGroup == PartnerGroup.Company));
        Assert.Equal(new LabMembersByPartnerGroup(PartnerGroup.Science, 1, 1), statistics.MemberOrganizationsByPartnerGroup.Single(g => g.PartnerGroup == PartnerGroup.Science));
        Assert.Equal(new LabMembersByPartnerGroup(PartnerGroup.School, 0, 0), statistics.MemberOrganizationsByPartnerGroup.Single(g => g.PartnerGroup == PartnerGroup.School));
        Assert.Equal(new OutcomeFigures(Concepts: 1, Recommendations: 0, PilotProjects: 1, PilotProjectsIdea: 1, PilotProjectsPlanned: 0,
            PilotProjectsRunning: 1, PilotProjectsCompleted: 0, PilotProjectsStopped: 0), statistics.Outcomes);
        Assert.Equal(new MatchingFigures(NeedsPosted: 2, OffersPosted: 1, MatchesMade: 2, NeedsMatched: 1, MatchesRealised: 1), statistics.Matching);
        Assert.Equal(new ProposalFunnel(ProposalsSubmitted: 2, SupportsGiven: 3, ProposalsTakenIntoLab: 1, PilotProjectsStarted: 1), statistics.Funnel);
        Assert.Equal(new ProgrammeParticipantFigures(Participants: 2, Interested: 0, InProgramme: 1, BusinessStarted: 1, OnTheWay: 0, GaveUp: 0, ContactLost: 0),
            statistics.ProgrammeParticipants);
    }

    [Fact]
    public async Task The_demo_years_agree_with_counting_the_rows()
    {
        var today = AllianceTime.Today(TimeProvider.System);
        var request = new GetLabStatistics(today.AddYears(-3), today);
        var statistics = await app.SendAsync(request);
        var period = PeriodInstants.Of(request);

        var expected = await app.LabsDbAsync(async db =>
        {
            var memberships = await db.Memberships.AsNoTracking().Include(m => m.Organization).ToListAsync();
            var inPeriod = memberships.Where(m => m.JoinedAt < period.End && (m.LeftAt == null || m.LeftAt >= period.Start)).ToList();
            var matches = (await db.Matches.AsNoTracking().ToListAsync()).Where(m => m.MatchedAt >= period.Start && m.MatchedAt < period.End).ToList();
            var proposals = await db.Proposals.AsNoTracking().ToListAsync();
            var outcomes = (await db.Outcomes.AsNoTracking().ToListAsync()).Where(o => o.CreatedAt >= period.Start && o.CreatedAt < period.End).ToList();
            var history = await db.ParticipantStatusChanges.AsNoTracking().ToListAsync();
            var atEnd = history.Where(c => c.On <= request.To).GroupBy(c => c.ParticipantId)
                .Select(g => g.OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt).First().Status).ToList();
            return new
            {
                Members = inPeriod.Select(m => m.OrganizationId).Distinct().Count(),
                Companies = inPeriod.Where(m => m.Organization!.PartnerGroup == PartnerGroup.Company).Select(m => m.OrganizationId).Distinct().Count(),
                MatchesMade = matches.Count,
                NeedsMatched = matches.Select(m => m.NeedId).Distinct().Count(),
                Submitted = proposals.Count(p => p.CreatedAt >= period.Start && p.CreatedAt < period.End),
                Taken = proposals.Count(p => p.Status == ProposalStatus.TakenIntoLab && p.AnsweredAt >= period.Start && p.AnsweredAt < period.End),
                Concepts = outcomes.Count(o => o.Kind == OutcomeKind.Concept),
                Participants = atEnd.Count,
                Started = atEnd.Count(s => s == ParticipantStatus.BusinessStarted),
            };
        });

        Assert.True(expected.Members > 0 && expected.Submitted > 0 && expected.Taken > 0 && expected.Participants > 0, "the demo years have data");
        Assert.Equal(expected.Members, statistics.MemberOrganizations);
        Assert.Equal(expected.Members, statistics.MemberOrganizationsByPartnerGroup.Sum(g => g.Organizations));
        Assert.Equal(expected.Companies, statistics.MemberOrganizationsByPartnerGroup.Single(g => g.PartnerGroup == PartnerGroup.Company).Organizations);
        Assert.Equal(expected.MatchesMade, statistics.Matching.MatchesMade);
        Assert.Equal(expected.NeedsMatched, statistics.Matching.NeedsMatched);
        Assert.Equal(expected.Submitted, statistics.Funnel.ProposalsSubmitted);
        Assert.Equal(expected.Taken, statistics.Funnel.ProposalsTakenIntoLab);
        Assert.Equal(expected.Concepts, statistics.Outcomes.Concepts);
        Assert.Equal(expected.Participants, statistics.ProgrammeParticipants.Participants);
        Assert.Equal(expected.Started, statistics.ProgrammeParticipants.BusinessStarted);
    }

    [Fact]
    public async Task A_period_ending_before_it_begins_is_refused()
    {
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GetLabStatistics(To, From)));
    }

    private static DateTimeOffset Berlin(int year, int month, int day, int hour = 12, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, AllianceTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static OrganizationCopy Organization(PartnerGroup group) =>
        new() { Id = Guid.NewGuid(), Name = "Statistik " + group + " " + Guid.NewGuid().ToString("N")[..6], PartnerGroup = group };

    private static Lab Lab(LabsDbContext db, Guid field, LabKind kind, params (LabStatus Status, DateTimeOffset At)[] history)
    {
        var lab = new Lab
        {
            Id = Guid.NewGuid(), Title = "Statistiklabor " + Guid.NewGuid().ToString("N")[..6], ActionFieldId = field, Kind = kind,
            Status = history[^1].Status, CreatedAt = history[0].At,
        };
        db.Labs.Add(lab);
        db.StatusChanges.AddRange(history.Select(h => new LabStatusChange { Id = Guid.NewGuid(), LabId = lab.Id, Status = h.Status, ChangedAt = h.At }));
        return lab;
    }

    private static LabMembership Membership(Lab lab, OrganizationCopy organization, DateTimeOffset joined, DateTimeOffset? left) =>
        new() { Id = Guid.NewGuid(), LabId = lab.Id, OrganizationId = organization.Id, Role = MembershipRole.Partner, JoinedAt = joined, LeftAt = left };

    private static Outcome Outcome(Lab lab, OutcomeKind kind, OutcomeStatus status, DateTimeOffset created) =>
        new() { Id = Guid.NewGuid(), LabId = lab.Id, Title = "Ergebnis " + kind, Kind = kind, Status = status, CreatedAt = created, UpdatedAt = created };

    private static TopicProposal Proposal(OrganizationCopy organization, DateTimeOffset created, ProposalStatus status, DateTimeOffset? answered) =>
        new() { Id = Guid.NewGuid(), Title = "Vorschlag", Description = "Beschreibung", OrganizationId = organization.Id, CreatedAt = created, Status = status, AnsweredAt = answered };

    private static ProposalSupport Support(TopicProposal proposal, OrganizationCopy organization, DateTimeOffset at) =>
        new() { ProposalId = proposal.Id, OrganizationId = organization.Id, CreatedAt = at };

    private static void Participant(LabsDbContext db, Lab programme, params (ParticipantStatus Status, DateOnly On)[] history)
    {
        var participant = new Participant
        {
            Id = Guid.NewGuid(), LabId = programme.Id, Name = "Gründer:in", Status = history[^1].Status, LastContactOn = history[^1].On,
            CreatedAt = Berlin(history[0].On.Year, history[0].On.Month, history[0].On.Day),
        };
        participant.History.AddRange(history.Select(h => new ParticipantStatusChange
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, Status = h.Status, On = h.On, RecordedAt = Berlin(h.On.Year, h.On.Month, h.On.Day),
        }));
        db.Participants.Add(participant);
    }
}
