using System.Net;
using System.Net.Http.Json;
using Alliance.Notifications.Contracts;

namespace Alliance.Notifications.Tests;

/// <summary>What other modules ask Notifications about people's "in-app only" choices (sent as another module would).</summary>
[Collection(SharedAlliance.Collection)]
public sealed class MailOptOutsTests(AllianceApp app)
{
    [Fact]
    public async Task One_ask_answers_every_kind_as_the_ask_per_kind_does()
    {
        var quiet = await app.CreateRepresentativeAsync("Auswahl Eins", "Ilse", "Still", "still@optouts.example");
        var waitlistOnly = await app.CreateRepresentativeAsync("Auswahl Zwei", "Wolf", "Warte", "warte@optouts.example");
        var everything = await app.CreateRepresentativeAsync("Auswahl Drei", "Anton", "Alles", "alles@optouts.example");
        using var ilse = await app.SignedInAsync("still@optouts.example");
        using var wolf = await app.SignedInAsync("warte@optouts.example");
        Assert.Equal(HttpStatusCode.NoContent, (await ilse.PutAsJsonAsync("/api/notifications/preferences", new
        {
            choices = new[] { new { kind = "RegistrationConfirmed", mail = false }, new { kind = "RegistrationWaitlisted", mail = false }, new { kind = "MatchMade", mail = false } },
        })).StatusCode);
        // Wolf chose in-app only for the waitlist and then mail again for a seat: only the first counts.
        Assert.Equal(HttpStatusCode.NoContent, (await wolf.PutAsJsonAsync("/api/notifications/preferences", new
        {
            choices = new[] { new { kind = "RegistrationWaitlisted", mail = false }, new { kind = "RegistrationConfirmed", mail = true } },
        })).StatusCode);
        NotificationKind[] kinds = [NotificationKind.RegistrationConfirmed, NotificationKind.RegistrationWaitlisted];
        Guid[] people = [quiet, waitlistOnly, everything, quiet, Guid.NewGuid()];

        var optOuts = await app.SendAsync(new GetMailOptOutsOfKinds(kinds, people));

        Assert.Equal(
            new[] { new MailOptOut(quiet, NotificationKind.RegistrationConfirmed), new MailOptOut(quiet, NotificationKind.RegistrationWaitlisted), new MailOptOut(waitlistOnly, NotificationKind.RegistrationWaitlisted) },
            optOuts.OrderBy(o => o.PersonId == quiet ? 0 : 1).ThenBy(o => o.Kind));
        // The same answer, kind by kind, as the ask for one kind gives it; a kind not asked for (MatchMade) is not in it.
        foreach (var kind in kinds)
        {
            Assert.Equal((await app.SendAsync(new GetMailOptOutsOfKinds([kind], people))).Select(o => o.PersonId).Order(), optOuts.Where(o => o.Kind == kind).Select(o => o.PersonId).Order());
        }

        Assert.Empty(await app.SendAsync(new GetMailOptOutsOfKinds([], people)));
        Assert.Empty(await app.SendAsync(new GetMailOptOutsOfKinds(kinds, [])));
    }
}
