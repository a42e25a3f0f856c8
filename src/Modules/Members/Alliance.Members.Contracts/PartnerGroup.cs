namespace Alliance.Members.Contracts;

/// <summary>The partner groups an alliance brings together (Unternehmen, Wissenschaft, Verwaltung, …).</summary>
public enum PartnerGroup
{
    Company = 0,
    Science = 1,
    Administration = 2,
    Chamber = 3,
    Politics = 4,
    CivilSociety = 5,
    School = 6,
}

/// <summary>EU size classes by head count.</summary>
public enum SizeClass
{
    Unknown = 0,
    Micro = 1,
    Small = 2,
    Medium = 3,
    Large = 4,
}
