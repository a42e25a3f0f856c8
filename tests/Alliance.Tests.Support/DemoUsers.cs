namespace Alliance.Tests.Support;

/// <summary>The demo logins the seeder creates (see MembersDemoSeeder).</summary>
public static class DemoUsers
{
    public const string Password = "Allianz-Demo-2026";
    public const string Administrator = "admin@allianz.example";
    public const string Staff = "geschaeftsstelle@allianz.example";
    public const string Representative = "vertretung@allianz.example";
}
