using Alliance.Shared.Localization;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Demo;

/// <summary>
/// The labs of the demo alliance (domain.md) on an empty labs schema: three action fields, the three labs, the
/// founders' programme "Mutausbruch" with 17 participants, proposals with supports, outcomes with the pilot
/// "LOUISE Citylogistik", action items, needs and offers. Finds organisations and people through Members' Contracts.
/// </summary>
internal sealed class LabsDemoSeeder(LabsDbContext db, IMediator mediator, TimeProvider clock)
{
    public const string RetailLab = "Handel der Zukunft";
    public const string CraftsLab = "Handwerk 4.0 / Produktion";
    public const string StartUpLab = "Nachhaltige Start-ups";
    public const string Programme = "Mutausbruch";
    public const string SchoolNeed = "Betriebspraktika für die 9. Klasse";
    public const string Pilot = "LOUISE Citylogistik";

    private DateTimeOffset _now;
    private Dictionary<string, OrganizationSummary> _organizations = [];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ActionFields.AnyAsync(ct))
        {
            return;
        }

        _now = clock.GetUtcNow();
        var organizations = await mediator.Send(new GetActiveOrganizations(), ct);
        if (organizations.Count == 0)
        {
            return;
        }

        _organizations = organizations.ToDictionary(o => o.Name);
        db.Organizations.AddRange(organizations.Select(o => new OrganizationCopy { Id = o.Id, Name = o.Name, PartnerGroup = o.PartnerGroup }));
        var contacts = await mediator.Send(new GetMemberContacts(null), ct);
        var brandt = contacts.FirstOrDefault(p => p.Email == "vertretung@allianz.example");
        var weber = contacts.FirstOrDefault(p => p.Email == "geschaeftsstelle@allianz.example");
        Guid? ContactOf(string organization) => Org(organization) is { } id ? contacts.FirstOrDefault(p => p.OrganizationId == id)?.Id : null;

        var crafts = Field("Handwerk & Produktion", "Digitalisierung, Fachkräfte und Produktion in Handwerk und Industrie.");
        var retail = Field("Hybrider Handel", "Der stationäre Handel verbindet Laden und Netz; Logistik in der Innenstadt.");
        var founding = Field("Nachhaltige Gründungen", "Gründungen mit ökologischem und sozialem Anspruch.");

        var craftsLab = Lab(CraftsLab, crafts, LabKind.WorkingLab, -400,
            "Handwerksbetriebe und Produktion erproben gemeinsam digitale Werkzeuge und gewinnen Fachkräfte.",
            "- Werkstattverbund für 3D-Druck\n- Ausbildungsmarketing gemeinsam", [PartnerGroup.Company, PartnerGroup.Chamber, PartnerGroup.Science],
            ContactOf("Handwerkskammer"));
        Members(craftsLab, ("Handwerkskammer", MembershipRole.LeadPartner), ("Tischlerei Hoffmann", MembershipRole.Partner), ("Metallbau Schubert", MembershipRole.Partner),
            ("Präzisionsteile Neumann GmbH", MembershipRole.Partner), ("Hochschule für Technik und Wirtschaft", MembershipRole.Partner), ("Dachdeckerei Zimmermann", MembershipRole.Observer));

        var retailLab = Lab(RetailLab, retail, LabKind.WorkingLab, -300,
            "Händlerinnen und Händler der Innenstadt entwickeln den Handel der Zukunft: digital sichtbar, gemeinsam beliefert.",
            "- Gemeinsame Lieferlogistik\n- Digitale Sichtbarkeit der Läden\n- Leerstand beleben",
            [PartnerGroup.Company, PartnerGroup.Science, PartnerGroup.Administration], brandt?.Id);
        Members(retailLab, ("Modehaus Brandt", MembershipRole.LeadPartner), ("Buchhandlung Seitenweise", MembershipRole.Partner), ("Feinkost Lehmann", MembershipRole.Partner),
            ("Schuhhaus Richter", MembershipRole.Partner), ("Kaufhaus am Markt", MembershipRole.Partner), ("Industrie- und Handelskammer", MembershipRole.Partner),
            ("Amt für Wirtschaftsförderung", MembershipRole.Observer), ("Kurierdienst Velo-Express", MembershipRole.Partner));

        var startUpLab = Lab(StartUpLab, founding, LabKind.WorkingLab, -200,
            "Junge Unternehmen mit nachhaltigem Geschäftsmodell finden Räume, Kapital und Kunden.", null,
            [PartnerGroup.Company, PartnerGroup.Science], ContactOf("Grünwerk Urban Gardening"));
        Members(startUpLab, ("Grünwerk Urban Gardening", MembershipRole.LeadPartner), ("ReCircle Textil", MembershipRole.Partner),
            ("Solarteure Sonnenseite", MembershipRole.Partner), ("Sparkasse", MembershipRole.Partner), ("Universität – Institut für Handelsforschung", MembershipRole.Observer));

        var programme = Lab(Programme, founding, LabKind.Programme, -540,
            "Das Gründungsprogramm der Stadt: Mentoring, Werkstätten und Begleitung für Gründerinnen und Gründer.", null, [], weber?.Id);

        // Proposals with supports; one was taken into the retail lab and became the pilot.
        var logistics = Proposal("Gemeinsame Lieferlogistik für die Innenstadt", "Lieferungen der Innenstadtläden bündeln — weniger Verkehr, schnellere Zustellung.",
            retail, "Modehaus Brandt", -260, "Feinkost Lehmann", "Schuhhaus Richter", "Buchhandlung Seitenweise", "Kaufhaus am Markt", "Optik Vogel", "Kurierdienst Velo-Express");
        logistics.Status = ProposalStatus.TakenIntoLab;
        logistics.LabId = retailLab.Id;
        logistics.AnsweredAt = At(-250);
        Proposal("Fachkräfte-Pool im Handwerk", "Betriebe teilen Auszubildende und Fachkräfte in Spitzenzeiten.", crafts, "Tischlerei Hoffmann", -40,
            "Metallbau Schubert", "Dachdeckerei Zimmermann", "Bäckerei Krause");
        Proposal("Leerstand als Pop-up-Fläche", "Leere Läden werden für Gründerinnen und Gründer auf Zeit geöffnet.", retail, "ReCircle Textil", -20, "Grünwerk Urban Gardening", "Agentur Klartext");
        Proposal("Sonntagsöffnung für alle Läden", "Jeden Sonntag öffnen.", retail, "Kaufhaus am Markt", -120).Apply(p =>
        {
            p.Status = ProposalStatus.Declined;
            p.AnswerReason = "Sonntagsöffnungen sind gesetzlich eng begrenzt; wir greifen das Thema bei den verkaufsoffenen Sonntagen auf.";
            p.AnsweredAt = At(-110);
        });

        // Outcomes.
        var louise = Outcome(retailLab, Pilot, OutcomeKind.PilotProject, OutcomeStatus.Running, 60,
            "Lastenräder beliefern die Innenstadt aus einem gemeinsamen Mikrodepot.", "Kurierdienst Velo-Express", "Modehaus Brandt", "Fraunhofer-Zentrum Logistik");
        Note(louise, -200, "Konzept im Reallabor beschlossen, Partner gefunden.");
        Note(louise, -120, "Mikrodepot am Markt angemietet, zwei Lastenräder beschafft.");
        Note(louise, -30, "Pilotbetrieb läuft: 14 Läden, rund 300 Zustellungen im Monat.");
        Outcome(retailLab, "Leitfaden digitaler Ladenauftritt", OutcomeKind.Concept, OutcomeStatus.Completed, 100, "Schritt für Schritt zum Ladenprofil im Netz.", "Agentur Klartext");
        Outcome(retailLab, "Empfehlung Lieferzonen", OutcomeKind.Recommendation, OutcomeStatus.Planned, 20, "Lieferzonen und -zeiten für die Fußgängerzone.");
        Outcome(craftsLab, "Werkstattverbund 3D-Druck", OutcomeKind.PilotProject, OutcomeStatus.Planned, 10, "Gemeinsam genutzte 3D-Drucker für Prototypen.",
            "Präzisionsteile Neumann GmbH", "Hochschule für Technik und Wirtschaft");

        // Action items.
        var today = AllianceTime.Today(clock);
        ActionItem(retailLab, "Ladenumfrage zur Lieferlogistik auswerten", brandt?.Id, null, today.AddDays(14));
        ActionItem(retailLab, "Förderantrag für weitere Lastenräder vorbereiten", null, Org("Amt für Wirtschaftsförderung"), today.AddDays(30));
        ActionItem(craftsLab, "Ausbildungsmesse-Stand gemeinsam buchen", null, Org("Handwerkskammer"), today.AddDays(21));

        // Needs and offers.
        var need = new Need
        {
            Id = Guid.NewGuid(), OrganizationId = Org("Oberschule am Park") ?? Guid.Empty, PostedByPersonId = ContactOf("Oberschule am Park"), Title = SchoolNeed,
            Description = "Zweiwöchige Betriebspraktika im Frühjahr für Schülerinnen und Schüler der 9. Klasse.", ForWhom = "Schülerinnen und Schüler der 9. Klasse",
            Until = today.AddMonths(4), Quantity = 12, CreatedAt = At(-10),
        };
        if (need.OrganizationId != Guid.Empty)
        {
            db.Needs.Add(need);
        }

        Offer("Praktikumsplätze im Verkauf", "Zwei Plätze im Verkauf, Einblick in Kasse, Lager und Beratung.", "Kaufhaus am Markt", 2);
        Offer("Praktikum in der Werkstatt", "Holz, Maschinen, Montage — ein Platz.", "Tischlerei Hoffmann", 1);
        Offer("Bewerbungstraining", "Ein Vormittag Bewerbungstraining für eine Klasse.", "Sparkasse", 1);

        Participants(programme, today);
        await db.SaveChangesAsync(ct);
    }

    private DateTimeOffset At(int days) => _now.AddDays(days);

    private Guid? Org(string name) => _organizations.TryGetValue(name, out var o) ? o.Id : null;

    private ActionField Field(string title, string description)
    {
        var field = new ActionField { Id = Guid.NewGuid(), Title = title, Description = description, CreatedAt = At(-600) };
        db.ActionFields.Add(field);
        return field;
    }

    private Lab Lab(string title, ActionField field, LabKind kind, int days, string description, string? goals, List<PartnerGroup> required, Guid? coordinator)
    {
        var lab = new Lab
        {
            Id = Guid.NewGuid(), Title = title, ActionFieldId = field.Id, Kind = kind, Status = LabStatus.Active, Description = description, Goals = goals,
            StartsOn = DateOnly.FromDateTime(AllianceTime.Local(At(days)).DateTime), RequiredPartnerGroups = required, CreatedAt = At(days - 30),
        };
        if (coordinator is { } person)
        {
            lab.Coordinators.Add(new LabCoordinator { LabId = lab.Id, PersonId = person });
        }

        db.Labs.Add(lab);
        db.StatusChanges.Add(new LabStatusChange { Id = Guid.NewGuid(), LabId = lab.Id, Status = LabStatus.Proposed, ChangedAt = At(days - 30) });
        db.StatusChanges.Add(new LabStatusChange { Id = Guid.NewGuid(), LabId = lab.Id, Status = LabStatus.Active, ChangedAt = At(days) });
        return lab;
    }

    private void Members(Lab lab, params (string Organization, MembershipRole Role)[] members)
    {
        foreach (var (organization, role) in members)
        {
            if (Org(organization) is { } id)
            {
                db.Memberships.Add(new LabMembership { Id = Guid.NewGuid(), LabId = lab.Id, OrganizationId = id, Role = role, JoinedAt = lab.CreatedAt.AddDays(30) });
            }
        }
    }

    private TopicProposal Proposal(string title, string description, ActionField field, string organization, int days, params string[] supporters)
    {
        var proposal = new TopicProposal
        {
            Id = Guid.NewGuid(), Title = title, Description = description, ActionFieldId = field.Id, OrganizationId = Org(organization) ?? Guid.Empty,
            CreatedAt = At(days), Status = ProposalStatus.Open,
        };
        foreach (var supporter in supporters)
        {
            if (Org(supporter) is { } id)
            {
                proposal.Supports.Add(new ProposalSupport { ProposalId = proposal.Id, OrganizationId = id, CreatedAt = At(days + 3) });
            }
        }

        db.Proposals.Add(proposal);
        return proposal;
    }

    private Outcome Outcome(Lab lab, string title, OutcomeKind kind, OutcomeStatus status, int percent, string description, params string[] partners)
    {
        var outcome = new Outcome
        {
            Id = Guid.NewGuid(), LabId = lab.Id, Title = title, Kind = kind, Status = status, Percent = percent, Description = description,
            PartnerOrganizationIds = partners.Select(Org).OfType<Guid>().ToList(), CreatedAt = At(-200), UpdatedAt = At(-30),
        };
        db.Outcomes.Add(outcome);
        return outcome;
    }

    private void Note(Outcome outcome, int days, string text) =>
        db.OutcomeNotes.Add(new OutcomeNote { Id = Guid.NewGuid(), OutcomeId = outcome.Id, Date = DateOnly.FromDateTime(AllianceTime.Local(At(days)).DateTime), Text = text, CreatedAt = At(days) });

    private void ActionItem(Lab lab, string title, Guid? person, Guid? organization, DateOnly due)
    {
        if (person is null && organization is null)
        {
            return;
        }

        db.ActionItems.Add(new ActionItem
        {
            Id = Guid.NewGuid(), LabId = lab.Id, Title = title, OwnerPersonId = person, OwnerOrganizationId = organization, DueDate = due,
            Status = ActionItemStatus.Open, Source = ActionItemSource.Lab, CreatedAt = At(-5), UpdatedAt = At(-5),
        });
    }

    private void Offer(string title, string description, string organization, int quantity)
    {
        if (Org(organization) is { } id)
        {
            db.Offers.Add(new Offer { Id = Guid.NewGuid(), OrganizationId = id, Title = title, Description = description, Quantity = quantity, CreatedAt = At(-7) });
        }
    }

    private void Participants(Lab programme, DateOnly today)
    {
        (string Name, ParticipantStatus[] Path, int LastContactDaysAgo)[] rows =
        [
            ("Lena Vogt – Unverpackt-Laden", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.BusinessStarted], 30),
            ("Jonas Keller – Fahrradwerkstatt", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.BusinessStarted], 120),
            ("Aylin Demir – Catering", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.BusinessStarted], 60),
            ("Mara Lorenz – Grafikdesign", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.BusinessStarted], 200),
            ("Tobias Haas – Reparaturcafé", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.OnTheWay], 100),
            ("Nina Busch – Kinderyoga", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.OnTheWay], 45),
            ("Kemal Aksoy – Food-Truck", [ParticipantStatus.Interested, ParticipantStatus.InProgramme], 20),
            ("Sarah Frank – Upcycling-Möbel", [ParticipantStatus.Interested, ParticipantStatus.InProgramme], 95),
            ("Daniel Roth – IT-Service", [ParticipantStatus.Interested, ParticipantStatus.InProgramme], 10),
            ("Julia Brandl – Keramikatelier", [ParticipantStatus.Interested, ParticipantStatus.InProgramme], 130),
            ("Ole Petersen – Bio-Imkerei", [ParticipantStatus.Interested, ParticipantStatus.InProgramme], 15),
            ("Sophie Winter – Nähwerkstatt", [ParticipantStatus.Interested], 5),
            ("Marco Ricci – Espressobar", [ParticipantStatus.Interested], 100),
            ("Emma Schulze – Lerncoaching", [ParticipantStatus.Interested], 12),
            ("Felix Graf – Drohnenfotografie", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.GaveUp], 150),
            ("Hanna Berg – Modelabel", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.GaveUp], 80),
            ("Paul Weiß – Hofladen", [ParticipantStatus.Interested, ParticipantStatus.InProgramme, ParticipantStatus.ContactLost], 180),
        ];

        foreach (var (name, path, lastContact) in rows)
        {
            var participant = new Participant
            {
                Id = Guid.NewGuid(), LabId = programme.Id, Name = name, Status = path[^1], LastContactOn = today.AddDays(-lastContact),
                CreatedAt = At(-lastContact - 60 * path.Length),
            };
            for (var step = 0; step < path.Length; step++)
            {
                var on = today.AddDays(-lastContact - 60 * (path.Length - 1 - step));
                participant.History.Add(new ParticipantStatusChange
                {
                    Id = Guid.NewGuid(), ParticipantId = participant.Id, Status = path[step], On = on, RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                });
            }

            db.Participants.Add(participant);
        }
    }
}

internal static class SeedExtensions
{
    public static T Apply<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
