using Alliance.Members.Contracts;
using Alliance.Members.Domain;

namespace Alliance.Members.Demo;

/// <summary>The organisations and people of the demo alliance (domain.md), as plain data.</summary>
internal static class DemoDirectory
{
    public const string OfficeName = "Amt für Wirtschaftsförderung";
    public const string RepresentativeOrganizationName = "Modehaus Brandt";

    private static readonly (string Name, PartnerGroup Group, string Sector, int? Employees, string District)[] Rows =
    [
        (OfficeName, PartnerGroup.Administration, "Verwaltung", 24, "Altstadt"),
        ("Stadtverwaltung – Amt für Stadtentwicklung", PartnerGroup.Administration, "Verwaltung", 60, "Altstadt"),
        ("Jobcenter der Stadt", PartnerGroup.Administration, "Arbeitsmarkt", 180, "Neustadt"),
        ("Industrie- und Handelskammer", PartnerGroup.Chamber, "Kammer", 140, "Altstadt"),
        ("Handwerkskammer", PartnerGroup.Chamber, "Kammer", 90, "Altstadt"),
        ("Hochschule für Technik und Wirtschaft", PartnerGroup.Science, "Hochschule", 850, "Südvorstadt"),
        ("Universität – Institut für Handelsforschung", PartnerGroup.Science, "Hochschule", 45, "Zentrum"),
        ("Fraunhofer-Zentrum Logistik", PartnerGroup.Science, "Forschung", 120, "Nordost"),
        ("Ratsfraktion Wirtschaft & Arbeit", PartnerGroup.Politics, "Politik", 6, "Altstadt"),
        ("Büro der Oberbürgermeisterin", PartnerGroup.Politics, "Politik", 12, "Altstadt"),
        ("Bürgerverein Westvorstadt e. V.", PartnerGroup.CivilSociety, "Ehrenamt", 3, "Westvorstadt"),
        ("Quartiersmanagement Ost", PartnerGroup.CivilSociety, "Soziales", 5, "Ost"),
        ("Diakonie Stadtmission", PartnerGroup.CivilSociety, "Soziales", 320, "Neustadt"),
        ("Oberschule am Park", PartnerGroup.School, "Schule", 70, "Südvorstadt"),
        ("Berufliches Schulzentrum Technik", PartnerGroup.School, "Schule", 110, "Nordost"),
        ("Gymnasium Altstadt", PartnerGroup.School, "Schule", 85, "Altstadt"),
        (RepresentativeOrganizationName, PartnerGroup.Company, "Einzelhandel", 35, "Altstadt"),
        ("Buchhandlung Seitenweise", PartnerGroup.Company, "Einzelhandel", 8, "Zentrum"),
        ("Feinkost Lehmann", PartnerGroup.Company, "Einzelhandel", 14, "Zentrum"),
        ("Schuhhaus Richter", PartnerGroup.Company, "Einzelhandel", 11, "Altstadt"),
        ("Kaufhaus am Markt", PartnerGroup.Company, "Einzelhandel", 240, "Zentrum"),
        ("Optik Vogel", PartnerGroup.Company, "Einzelhandel", 6, "Neustadt"),
        ("Tischlerei Hoffmann", PartnerGroup.Company, "Handwerk", 18, "Westvorstadt"),
        ("Metallbau Schubert", PartnerGroup.Company, "Handwerk", 42, "Nordost"),
        ("Bäckerei Krause", PartnerGroup.Company, "Lebensmittelhandwerk", 55, "Ost"),
        ("Dachdeckerei Zimmermann", PartnerGroup.Company, "Handwerk", 22, "Südvorstadt"),
        ("Präzisionsteile Neumann GmbH", PartnerGroup.Company, "Produktion", 160, "Nordost"),
        ("Leuchtenmanufaktur Lichtwerk", PartnerGroup.Company, "Produktion", 38, "Westvorstadt"),
        ("Druckerei Schwarz & Söhne", PartnerGroup.Company, "Produktion", 27, "Ost"),
        ("Stadtwerke", PartnerGroup.Company, "Energie", 900, "Neustadt"),
        ("Kurierdienst Velo-Express", PartnerGroup.Company, "Logistik", 16, "Zentrum"),
        ("Spedition Wolf", PartnerGroup.Company, "Logistik", 210, "Nordost"),
        ("Sparkasse", PartnerGroup.Company, "Finanzen", 1200, "Zentrum"),
        ("Volksbank Raiffeisenbank", PartnerGroup.Company, "Finanzen", 400, "Neustadt"),
        ("Softwarehaus Codewerk", PartnerGroup.Company, "IT", 48, "Südvorstadt"),
        ("Agentur Klartext", PartnerGroup.Company, "Kreativwirtschaft", 9, "Westvorstadt"),
        ("Grünwerk Urban Gardening", PartnerGroup.Company, "Start-up", 4, "Ost"),
        ("ReCircle Textil", PartnerGroup.Company, "Start-up", 7, "Westvorstadt"),
        ("Solarteure Sonnenseite", PartnerGroup.Company, "Energie", 19, "Südvorstadt"),
        ("Hotel zur Post", PartnerGroup.Company, "Gastgewerbe", 65, "Altstadt"),
    ];

    private static readonly string[] FirstNames =
        ["Anna", "Lukas", "Marie", "Felix", "Sophie", "Paul", "Laura", "Jan", "Lea", "Tim", "Hannah", "Max", "Julia", "David", "Lena", "Moritz", "Katrin", "Stefan", "Petra", "Andreas"];

    private static readonly string[] LastNames =
        ["Müller", "Schmidt", "Schneider", "Fischer", "Meyer", "Wagner", "Becker", "Schulz", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann"];

    private static readonly string[] Functions = ["Geschäftsführung", "Inhaber:in", "Referent:in", "Projektleitung", "Leitung Personal", "Vorstand"];

    public static List<Organization> Organizations(DateTimeOffset now) => Rows.Select((row, index) => new Organization
    {
        Id = Guid.NewGuid(),
        Name = row.Name,
        PartnerGroup = row.Group,
        Sector = row.Sector,
        EmployeeCount = row.Employees,
        SizeClass = Organization.ClassifySize(row.Employees),
        District = row.District,
        City = "Musterstadt",
        PostalCode = $"0{4100 + index * 3}",
        Street = $"Hauptstraße {index + 1}",
        MemberSince = new DateOnly(2019 + index % 5, 1 + index % 12, 1),
        IsActive = true,
        CreatedAt = now,
        UpdatedAt = now,
    }).ToList();

    /// <summary>Two people per organisation, most of them with consent to show their name.</summary>
    public static List<Person> People(IReadOnlyList<Organization> organizations, DateTimeOffset now)
    {
        var people = new List<Person>();
        for (var i = 0; i < organizations.Count * 2; i++)
        {
            var organization = organizations[i / 2];
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7 + i / FirstNames.Length) % LastNames.Length];
            var consentName = i % 5 != 0;
            people.Add(new Person
            {
                Id = Guid.NewGuid(),
                FirstName = first,
                LastName = last,
                Email = $"{Slug(first)}.{Slug(last)}{i}@mitglied.example",
                Function = Functions[i % Functions.Length],
                OrganizationId = organization.Id,
                PreferredLanguage = i % 6 == 0 ? "en" : "de",
                ConsentContactByEmail = true,
                ConsentContactByEmailAt = now,
                ConsentNameVisible = consentName,
                ConsentNameVisibleAt = consentName ? now : null,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        return people;
    }

    private static string Slug(string value) => value.ToLowerInvariant()
        .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
        .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
}
