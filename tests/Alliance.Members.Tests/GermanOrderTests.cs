using System.Net.Http.Json;
using Alliance.Members.Domain;

namespace Alliance.Members.Tests;

/// <summary>One German order (ICU de-DE) for every sorted list, in SQL and in C#: "Bäckerei" before "Buchhandlung".</summary>
[Collection(SharedAlliance.Collection)]
public sealed class GermanOrderTests(AllianceApp app)
{
    [Fact]
    public async Task The_organisation_list_puts_Baeckerei_before_Buchhandlung()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var list = await representative.GetJsonAsync("/api/members/organizations?pageSize=100");
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

        Assert.True(names.IndexOf("Bäckerei Krause") < names.IndexOf("Buchhandlung Seitenweise"), string.Join(" | ", names));
        Assert.Equal(names.OrderBy(n => n, GermanOrder.Names), names);
    }

    [Fact]
    public async Task The_people_list_sorts_umlauts_as_German_readers_expect()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var last in new[] { "Zander", "Özdemir", "Oberle", "Ahrens", "Ärmel", "Baum" })
        {
            var created = await staff.PostAsJsonAsync("/api/members/people",
                DirectoryTestData.PersonBody(("firstName", "T" + suffix), ("lastName", last)));
            created.EnsureSuccessStatusCode();
        }

        var list = await staff.GetJsonAsync($"/api/members/people?search=T{suffix}");
        var lastNames = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!.Split(' ')[1]).ToArray();

        Assert.Equal(new[] { "Ahrens", "Ärmel", "Baum", "Oberle", "Özdemir", "Zander" }, lastNames);
    }

    [Fact]
    public void The_CSharp_order_is_the_same_German_order()
    {
        string[] names = ["Buchhandlung Seitenweise", "Zahnarztpraxis", "Bäckerei Krause", "Autohaus", "Ärztehaus"];

        Assert.Equal(["Ärztehaus", "Autohaus", "Bäckerei Krause", "Buchhandlung Seitenweise", "Zahnarztpraxis"], names.OrderBy(n => n, GermanOrder.Names));
    }
}
