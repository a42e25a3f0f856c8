using System.Net;
using System.Net.Http.Json;
using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Messaging.FailedMessages;
using Alliance.Shared.Tests.TestModule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Tests;

internal static class OutboxRows
{
    /// <summary>Stores a row as an older host (or a corrupt writer) would have: any type name, any payload.</summary>
    public static Task<int> InsertRawAsync(this KernelTestApp app, Guid id, string type, string payload) =>
        app.WithTestDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO kerneltest.outbox_messages (id, type, payload, occurred_at, status, next_attempt_at, attempts) VALUES ({id}, {type}, {payload}::jsonb, now() - interval '1 minute', 0, now() - interval '1 minute', 0)"));

    /// <summary>Delivers until nothing due is left (a test has no job server to take the next turns).</summary>
    public static async Task<int> DispatchAllDueAsync(this KernelTestApp app)
    {
        var total = 0;
        int delivered;
        do
        {
            delivered = await app.DispatchAsync();
            total += delivered;
        }
        while (delivered > 0);

        return total;
    }
}

public sealed class OutboxStateTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task A_row_stored_under_the_old_CLR_name_is_still_delivered()
    {
        var happened = new PingHappened(Guid.NewGuid(), 0);
        await app.InsertRawAsync(happened.EventId, EventNames.LegacyNameOf(typeof(PingHappened)),
            $$"""{"pingId":"{{happened.PingId}}","failuresBeforeSuccess":0,"eventId":"{{happened.EventId}}","occurredAt":"2026-11-30T10:00:00+00:00"}""");

        await app.DispatchAllDueAsync();

        var row = await app.OutboxRowAsync(happened.EventId);
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.Equal(2, (await app.EffectsOfAsync(happened.EventId)).Count);
    }

    [Fact]
    public async Task An_unknown_event_name_fails_at_once_with_its_error_and_is_not_retried()
    {
        var id = Guid.NewGuid();
        await app.InsertRawAsync(id, "nobody.knows-this", """{"eventId":"00000000-0000-0000-0000-000000000001"}""");

        await app.DispatchAllDueAsync();
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.DispatchAllDueAsync();

        var row = await app.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("nobody.knows-this", row.LastError, StringComparison.Ordinal);
        Assert.Null(row.LockedUntil);
    }

    [Fact]
    public async Task An_unreadable_payload_fails_at_once()
    {
        var id = Guid.NewGuid();
        await app.InsertRawAsync(id, "kerneltest.ping-happened", """{"pingId":"not a guid"}""");

        await app.DispatchAllDueAsync();

        var row = await app.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("cannot be read", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_leased_by_a_dispatcher_that_died_is_delivered_once_the_lease_expires_and_finished_subscribers_do_not_run_again()
    {
        var happened = await app.SendAsync(new RecordPing("crashed mid-delivery"));
        // As a dispatcher killed mid-delivery leaves it: claimed (attempt counted, leased), one subscriber done.
        var leasedUntil = app.Clock.GetUtcNow().AddMinutes(2);
        await app.WithTestDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE kerneltest.outbox_messages SET attempts = 1, locked_until = {leasedUntil} WHERE id = {happened.EventId}"));
        await app.WithTestDbAsync(async db =>
        {
            db.Effects.Add(new Effect { EventId = happened.EventId, Subscriber = RecordPingEffect.Name, At = app.Clock.GetUtcNow() });
            db.Set<InboxMessage>().Add(new InboxMessage { EventId = happened.EventId, Handler = typeof(RecordPingEffect).FullName!, ProcessedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        // Still leased: nobody else takes it.
        await app.DispatchAllDueAsync();
        Assert.Equal(OutboxStatus.Pending, (await app.OutboxRowAsync(happened.EventId)).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await app.DispatchAllDueAsync();

        var row = await app.OutboxRowAsync(happened.EventId);
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.Equal(2, row.Attempts);
        var effects = await app.EffectsOfAsync(happened.EventId);
        Assert.Equal([FlakyPingSubscriber.Name, RecordPingEffect.Name], effects.Select(e => e.Subscriber).Order());
    }

    [Fact]
    public async Task One_dispatch_job_delivers_a_bounded_turn_so_a_flood_in_one_outbox_does_not_hold_a_worker()
    {
        const int flood = OutboxDispatcher.BatchSize * OutboxDispatcher.BatchesPerTurn * 2 + 7;
        await app.WithTestDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < flood; i++)
            {
                db.AddIntegrationEvent(new PingHappened(Guid.NewGuid(), 0), now);
            }

            return await db.SaveChangesAsync();
        });

        var firstTurn = await app.DispatchAsync();

        Assert.Equal(OutboxDispatcher.BatchSize * OutboxDispatcher.BatchesPerTurn, firstTurn);
        Assert.Equal(flood - firstTurn, await app.WithTestDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending)));
        // The next turns (queued behind other jobs in a running host) deliver the rest.
        Assert.Equal(flood - firstTurn, await app.DispatchAllDueAsync());
    }

    [Fact]
    public void Every_integration_event_of_the_loaded_modules_resolves_by_its_name()
    {
        var registry = app.Services.GetRequiredService<Alliance.Shared.Modules.ModuleCatalog>().Events;
        Assert.Equal(typeof(EmailRequested), registry.Resolve("mail.email-requested"));
        Assert.Equal(typeof(PingHappened), registry.Resolve("kerneltest.ping-happened"));
        Assert.Equal(typeof(PingHappened), registry.Resolve(EventNames.LegacyNameOf(typeof(PingHappened))));
        Assert.Null(registry.Resolve("System.String, System.Private.CoreLib"));
    }
}

public sealed class FailedMessagesTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    private async Task<Guid> FailedRowAsync()
    {
        var id = Guid.NewGuid();
        await app.InsertRawAsync(id, "nobody.knows-this", "{}");
        await app.DispatchAllDueAsync();
        Assert.Equal(OutboxStatus.Failed, (await app.OutboxRowAsync(id)).Status);
        return id;
    }

    [Fact]
    public async Task Administrators_list_replay_and_discard_failed_messages_through_the_API()
    {
        var failed = await FailedRowAsync();
        var other = await FailedRowAsync();
        var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var list = await admin.GetFromJsonAsync<PagedResult<FailedMessage>>("/api/admin/messages?pageSize=200");
        var shown = Assert.Single(list!.Items, m => m.Id == failed);
        Assert.Equal("kerneltest", shown.Module);
        Assert.Equal("nobody.knows-this", shown.Type);
        Assert.Equal(1, shown.Attempts);
        Assert.Contains("nobody.knows-this", shown.LastError, StringComparison.Ordinal);

        var replay = await admin.PostAsync($"/api/admin/messages/kerneltest/{failed}/replay", null);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        var replayed = await app.OutboxRowAsync(failed);
        Assert.Equal(OutboxStatus.Pending, replayed.Status);
        Assert.Equal(0, replayed.Attempts);
        // Replaying a message that is not failed (any more) is a conflict; an unknown one is not found.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/messages/kerneltest/{failed}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/messages/kerneltest/{Guid.NewGuid()}/discard", null)).StatusCode);
        var unknownModule = await admin.PostAsync($"/api/admin/messages/nomodule/{other}/discard", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknownModule.StatusCode);
        Assert.Equal("application/problem+json", unknownModule.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/messages/kerneltest/{other}/discard", null)).StatusCode);
        var discarded = await app.OutboxRowAsync(other);
        Assert.Equal(OutboxStatus.Discarded, discarded.Status);
        Assert.NotNull(discarded.ProcessedAt);
        await app.DispatchAllDueAsync();
        Assert.Equal(OutboxStatus.Discarded, (await app.OutboxRowAsync(other)).Status);

        // The replayed one was tried again (its name is still unknown, so it failed again, after one new attempt).
        list = await admin.GetFromJsonAsync<PagedResult<FailedMessage>>("/api/admin/messages?pageSize=200");
        Assert.DoesNotContain(list!.Items, m => m.Id == other);
        Assert.Equal(1, Assert.Single(list.Items, m => m.Id == failed).Attempts);
    }

    [Fact]
    public async Task Only_administrators_reach_the_failed_messages()
    {
        var failed = await FailedRowAsync();
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/admin/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/admin/messages/kerneltest/{failed}/discard", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/admin/messages")).StatusCode);
        var page = await staff.GetAsync("/admin/messages");
        Assert.DoesNotContain(failed.ToString(), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Failed, (await app.OutboxRowAsync(failed)).Status);
    }

    [Theory]
    [InlineData("de", "Fehlgeschlagene Nachrichten", "Erneut zustellen")]
    [InlineData("en", "Failed messages", "Replay")]
    public async Task The_page_lists_failed_messages_in_the_administrators_language(string culture, string title, string replay)
    {
        var failed = await FailedRowAsync();
        var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var html = await admin.GetStringAsync($"/admin/messages?culture={culture}&ui-culture={culture}");

        Assert.Contains($">{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{failed}\"", html, StringComparison.Ordinal);
        Assert.Contains(replay, html, StringComparison.Ordinal);
        Assert.Contains("nobody.knows-this", html, StringComparison.Ordinal);
    }
}

public sealed class RetentionTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task Delivered_rows_and_sent_mail_bodies_past_the_retention_go_failed_rows_and_inbox_rows_of_waiting_events_stay()
    {
        var old = await app.SendAsync(new RecordPing("old"));
        var waiting = await app.SendAsync(new RecordPing("waiting", FailuresBeforeSuccess: int.MaxValue));
        await app.DispatchAllDueAsync();
        var failed = Guid.NewGuid();
        await app.InsertRawAsync(failed, "nobody.knows-this", "{}");
        await app.DispatchAllDueAsync();
        var mail = new EmailRequested("old@example.org", "Old", "Betreff", "Link: https://x.example/token");
        await app.SendAsync(new RequestEmail(mail));
        await app.DispatchAllDueAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE mail.email_messages SET \"Status\" = 1, \"SentAt\" = now() WHERE \"Id\" = {mail.EventId}"));
        var recent = await app.SendAsync(new RecordPing("recent"));

        app.Clock.Advance(TimeSpan.FromDays(31));
        // Delivered after the move: younger than the retention period.
        await app.DispatchAllDueAsync();
        var result = await app.SendAsync(new PurgeDeliveredMessages());

        Assert.True(result.OutboxRows >= 2, $"{result}");
        Assert.False(await app.WithTestDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == old.EventId)));
        Assert.Equal(OutboxStatus.Failed, (await app.OutboxRowAsync(failed)).Status);
        Assert.Equal(OutboxStatus.Pending, (await app.OutboxRowAsync(waiting.EventId)).Status);
        Assert.Equal(OutboxStatus.Delivered, (await app.OutboxRowAsync(recent.EventId)).Status);
        var inbox = await app.WithTestDbAsync(db => db.Set<InboxMessage>().AsNoTracking().Select(i => i.EventId).ToListAsync());
        Assert.DoesNotContain(old.EventId, inbox);
        // The healthy subscriber handled the waiting event long ago; its inbox row stays until the event is done.
        Assert.Contains(waiting.EventId, inbox);
        Assert.Contains(recent.EventId, inbox);
        var sent = await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == mail.EventId));
        Assert.Equal(string.Empty, sent.TextBody);
        Assert.Equal("old@example.org", sent.ToAddress);
    }

    [Fact]
    public async Task Forgetting_a_recipient_blanks_address_name_and_body_of_every_mail_to_them_and_cancels_queued_ones()
    {
        var sent = new EmailRequested("Erased.Person@Example.org", "Erika Muster", "Einladung", "Hallo Erika, Ihr Link …");
        var queued = new EmailRequested("erased.person@example.org", "Erika Muster", "Erinnerung", "Hallo Erika …");
        var other = new EmailRequested("someone.else@example.org", "Else", "Einladung", "Hallo Else");
        foreach (var mail in new[] { sent, queued, other })
        {
            await app.SendAsync(new RequestEmail(mail));
        }

        await app.DispatchAllDueAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE mail.email_messages SET \"Status\" = 1, \"SentAt\" = now() WHERE \"Id\" = {sent.EventId}"));

        var changed = await app.SendAsync(new ForgetMailRecipient(" erased.person@EXAMPLE.org "));

        Assert.Equal(2, changed);
        var rows = await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking()
            .Where(m => m.Id == sent.EventId || m.Id == queued.EventId || m.Id == other.EventId).ToDictionaryAsync(m => m.Id));
        foreach (var forgotten in new[] { rows[sent.EventId], rows[queued.EventId] })
        {
            Assert.Equal(string.Empty, forgotten.ToAddress);
            Assert.Equal(string.Empty, forgotten.ToName);
            Assert.Equal(string.Empty, forgotten.TextBody);
        }

        Assert.Equal(EmailStatus.Sent, rows[sent.EventId].Status);
        Assert.Equal(EmailStatus.Failed, rows[queued.EventId].Status);
        Assert.Equal("someone.else@example.org", rows[other.EventId].ToAddress);
        Assert.Equal("Hallo Else", rows[other.EventId].TextBody);
    }
}
