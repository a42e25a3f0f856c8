using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Domain;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Tests;

/// <summary>
/// What the labs' 201s point at answers GET through HTTP, as the real users read it: an action field, an action
/// item (the lab's readers; the owner's name only where they may read it; an item of no lab only for its owners
/// and staff) and an offer. Unknown ids are 404 problems.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class CreatedLocationReadTests(AllianceApp app)
{
    private const string Kaiser = "kaiser@elektro-kaiser.example";

    [Fact]
    public async Task An_action_item_created_by_the_coordinator_is_read_at_its_Location_with_names_as_each_reader_may_see_them()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        using var kaiser = await KaiserAsync();
        var lab = await app.RetailLabAsync();
        var labPage = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}");
        var member = labPage.GetProperty("members").EnumerateArray().First(m => m.GetProperty("organization").GetString() != "Modehaus Brandt");
        var organization = member.GetProperty("organization").GetString()!;
        // A contact of a member organisation who does not show her name to members.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var ownerId = await app.CreateRepresentativeAsync(organization, "Verena", "Verborgen" + suffix, $"verborgen-{suffix}@example.org");
        await app.LabsDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"update members.people set \"ConsentNameVisible\" = false where \"Id\" = {ownerId}"));

        var created = await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new
        {
            title = "Kundenbefragung auswerten", ownerPersonId = ownerId, dueDate = LabsTestData.AllianceToday().AddDays(14).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await created.CreatedIdAsync();
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal($"/api/labs/action-items/{id}", location);

        // The coordinator who created it reads it: 200, all of it.
        var item = await brandt.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("Kundenbefragung auswerten", item.GetProperty("title").GetString());
        Assert.Equal(lab, item.GetProperty("labId").GetGuid());
        Assert.Equal(labPage.GetProperty("title").GetString(), item.GetProperty("labTitle").GetString());
        Assert.Equal("Open", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("canChangeStatus").GetBoolean());
        // Thomas Brandt is no colleague of the owner and she hides her name: the lab page's rule, not shared.
        Assert.Equal("(Name nicht freigegeben)", item.GetProperty("owner").GetString());

        // Staff read every name.
        var forStaff = await staff.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal($"Verena Verborgen{suffix}", forStaff.GetProperty("owner").GetString());

        // Anyone who may read the lab reads its items, but changes nothing.
        var forKaiser = await kaiser.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Kundenbefragung auswerten", forKaiser.GetProperty("title").GetString());
        Assert.DoesNotContain("Verborgen", forKaiser.GetProperty("owner").GetString(), StringComparison.Ordinal);
        Assert.False(forKaiser.GetProperty("canChangeStatus").GetBoolean());

        await AssertNotFoundProblemAsync(brandt, $"/api/labs/action-items/{Guid.NewGuid()}");
    }

    [Fact]
    public async Task An_action_item_of_no_lab_is_read_by_its_owner_and_staff_and_refused_to_others()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        using var kaiser = await KaiserAsync();
        var brandtOrganization = (await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/{await app.RetailLabAsync()}")).GetProperty("members")
            .EnumerateArray().Single(m => m.GetProperty("isOwn").GetBoolean()).GetProperty("organizationId").GetGuid();
        // A plenary decision's task for nobody's lab, as the meetings' handler stores it.
        var id = Guid.NewGuid();
        await app.LabsDbAsync(db =>
        {
            db.ActionItems.Add(new ActionItem
            {
                Id = id, Title = "Protokoll gegenlesen", OwnerOrganizationId = brandtOrganization, Status = ActionItemStatus.Open,
                Source = ActionItemSource.MeetingDecision, MeetingTitle = "Plenum", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });

        var owner = await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/action-items/{id}");
        Assert.Equal("Protokoll gegenlesen", owner.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, owner.GetProperty("labId").ValueKind);
        Assert.True(owner.GetProperty("canChangeStatus").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/labs/action-items/{id}")).StatusCode);

        var refused = await kaiser.GetAsync($"/api/labs/action-items/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Protokoll gegenlesen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_and_an_action_field_are_read_at_their_Location()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        using var kaiser = await KaiserAsync();

        var posted = await kaiser.PostAsJsonAsync("/api/labs/offers", new { title = "Thermografie für Läden", description = "Zwei Termine im Winter", quantity = 2 });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var offerId = await posted.CreatedIdAsync();
        var offer = await kaiser.GetFromJsonAsync<JsonElement>(posted.Headers.Location!.OriginalString);
        Assert.Equal(offerId, offer.GetProperty("id").GetGuid());
        Assert.Equal("Thermografie für Läden", offer.GetProperty("title").GetString());
        Assert.Equal("Elektro Kaiser GmbH", offer.GetProperty("organization").GetString());
        Assert.Equal(2, offer.GetProperty("quantity").GetInt32());
        Assert.True(offer.GetProperty("isMine").GetBoolean());
        Assert.True(offer.GetProperty("canClose").GetBoolean());
        var forBrandt = await brandt.GetFromJsonAsync<JsonElement>(posted.Headers.Location!.OriginalString);
        Assert.False(forBrandt.GetProperty("isMine").GetBoolean());
        Assert.False(forBrandt.GetProperty("canClose").GetBoolean());
        // A withdrawn offer is still read (a match may name it), and no longer withdrawn again.
        Assert.Equal(HttpStatusCode.NoContent, (await kaiser.PostAsync($"/api/labs/offers/{offerId}/close", null)).StatusCode);
        var closed = await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/offers/{offerId}");
        Assert.True(closed.GetProperty("isClosed").GetBoolean());
        Assert.False(closed.GetProperty("canClose").GetBoolean());
        await AssertNotFoundProblemAsync(kaiser, $"/api/labs/offers/{Guid.NewGuid()}");

        var title = "Kreislaufwirtschaft " + Guid.NewGuid().ToString("N")[..6];
        var field = await staff.PostAsJsonAsync("/api/labs/action-fields", new { title, description = "Reparieren statt wegwerfen" });
        Assert.Equal(HttpStatusCode.Created, field.StatusCode);
        var fieldId = await field.CreatedIdAsync();
        foreach (var reader in new[] { staff, brandt })
        {
            var read = await reader.GetFromJsonAsync<JsonElement>(field.Headers.Location!.OriginalString);
            Assert.Equal(fieldId, read.GetProperty("id").GetGuid());
            Assert.Equal(title, read.GetProperty("title").GetString());
            Assert.Equal("Reparieren statt wegwerfen", read.GetProperty("description").GetString());
            Assert.Equal(0, read.GetProperty("labCount").GetInt32());
        }

        await AssertNotFoundProblemAsync(brandt, $"/api/labs/action-fields/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(field.Headers.Location!.OriginalString)).StatusCode);
    }

    private static async Task AssertNotFoundProblemAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.ProblemAsync()).GetProperty("status").GetInt32());
    }

    private async Task<HttpClient> KaiserAsync()
    {
        try
        {
            return await app.SignedInAsync(Kaiser);
        }
        catch (InvalidOperationException)
        {
            await app.CreateRepresentativeAsync("Elektro Kaiser GmbH", "Petra", "Kaiser", Kaiser);
            return await app.SignedInAsync(Kaiser);
        }
    }
}
