namespace Alliance.Members.Tests;

/// <summary>
/// The host for the access tests, on a free port chosen by the system: several test runs on one machine
/// (other branches, CI) then never fight over Kestrel's default port 5000.
/// </summary>
public sealed class AccessApp : AllianceApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" };
}
