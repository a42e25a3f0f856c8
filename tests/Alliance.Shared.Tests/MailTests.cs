using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Tests.TestModule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Alliance.Shared.Tests;

public sealed class MailTests(KernelTestApp app) : IClassFixture<KernelTestApp>
{
    [Fact]
    public async Task A_requested_mail_is_queued_sent_and_written_as_an_eml_file_that_reads_back_with_umlauts()
    {
        var requested = new EmailRequested(
            "juergen.mueller@example.org",
            "Jürgen Müller",
            "Einladung für Jürgen – Grüße aus der Geschäftsstelle",
            "Hallo Jürgen,\n\nschöne Grüße: äöü ÄÖÜ ß €.\n\nIhre Geschäftsstelle",
            "test");

        await app.SendAsync(new RequestEmail(requested));

        var file = await Eventually.Until(
            () => Task.FromResult(Directory.Exists(app.MailFolder)
                ? Directory.GetFiles(app.MailFolder, "*.eml").FirstOrDefault(f => f.Contains(requested.EventId.ToString("N"), StringComparison.Ordinal))
                : null),
            f => f is not null, timeout: TimeSpan.FromSeconds(90), what: "the .eml file in the pickup folder");

        using var message = await MimeMessage.LoadAsync(file!);
        Assert.Equal(requested.Subject, message.Subject);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(requested.ToAddress, to.Address);
        Assert.Equal(requested.ToName, to.Name);
        Assert.NotNull(message.TextBody);
        Assert.Equal(requested.TextBody, message.TextBody.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal("allianz@wirtschaftsfoerderung.example", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        // The text part declares its charset and a 7-bit-safe transfer encoding; the file itself holds no raw 8-bit byte.
        var textPart = Assert.Single(message.BodyParts.OfType<TextPart>());
        Assert.Equal("utf-8", textPart.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.QuotedPrintable, textPart.ContentTransferEncoding);
        Assert.Contains("Content-Transfer-Encoding: quoted-printable", await File.ReadAllTextAsync(file!), StringComparison.OrdinalIgnoreCase);
        Assert.All(await File.ReadAllBytesAsync(file!), b => Assert.True(b < 0x80, "raw 8-bit byte in the sent mail"));
        Assert.Contains("schöne Grüße: äöü ÄÖÜ ß €", textPart.Text, StringComparison.Ordinal);

        var row = await Eventually.Until(() => app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking()
            .SingleAsync(m => m.Id == requested.EventId)), m => m.Status == EmailStatus.Sent, what: "the queue row marked sent");
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task A_subject_longer_than_its_column_is_cut_to_fit_and_the_mail_is_sent()
    {
        // "Neue Aufgabe: " and a title at its limit of 500 characters: 514, the column takes 500.
        var title = string.Concat(Enumerable.Repeat("Lieferkette prüfen ", 30))[..500];
        var requested = new EmailRequested("lang@example.org", new string('N', 320), "Neue Aufgabe: " + title, "Text", "test");

        await app.SendAsync(new RequestEmail(requested));

        var row = await Eventually.Until(() => app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == requested.EventId)), m => m?.Status == EmailStatus.Sent, what: "the mail queued and sent");
        Assert.InRange(row!.Subject.Length, EmailMessage.MaxSubjectLength - 20, EmailMessage.MaxSubjectLength);
        Assert.StartsWith("Neue Aufgabe: Lieferkette prüfen", row.Subject, StringComparison.Ordinal);
        Assert.EndsWith("…", row.Subject, StringComparison.Ordinal);
        Assert.Equal(EmailMessage.MaxToNameLength, row.ToName.Length);
    }

    [Fact]
    public async Task An_attachment_is_stored_with_the_mail_sent_as_a_mime_attachment_capped_and_forgotten_with_the_recipient()
    {
        var ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"u8.ToArray();
        var requested = new EmailRequested("anhang@example.org", "Anna Anhang", "Termin mit Anhang", "Siehe Anhang.")
            .WithAttachment(new EmailAttachment("termin.ics", "text/calendar; method=REQUEST; charset=utf-8", ics));
        await app.SendAsync(new RequestEmail(requested));

        var stored = await Eventually.Until(() => app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Attachments.AsNoTracking()
            .Where(a => a.MessageId == requested.EventId).ToListAsync()), a => a.Count == 1, what: "the stored attachment");
        Assert.Equal("termin.ics", stored[0].FileName);
        Assert.Equal(ics, stored[0].Content);

        var file = await Eventually.Until(
            () => Task.FromResult(Directory.Exists(app.MailFolder)
                ? Directory.GetFiles(app.MailFolder, "*.eml").FirstOrDefault(f => f.Contains(requested.EventId.ToString("N"), StringComparison.Ordinal))
                : null),
            f => f is not null, timeout: TimeSpan.FromSeconds(90), what: "the .eml file with the attachment");
        using var message = await MimeMessage.LoadAsync(file!);
        Assert.Equal("Siehe Anhang.", message.TextBody!.Trim());
        Assert.Equal(ContentEncoding.QuotedPrintable, Assert.Single(message.BodyParts.OfType<TextPart>(), p => !p.IsAttachment).ContentTransferEncoding);
        var part = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        Assert.Equal("termin.ics", part.FileName);
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        Assert.Equal(ics, content.ToArray());

        // Over the caps: refused when composed, so a module's change carrying it does not commit.
        var big = new EmailAttachment("gross.bin", "application/octet-stream", new byte[EmailAttachment.MaxTotalBytes + 1]);
        Assert.Throws<ArgumentException>(() => requested.WithAttachment(big));
        var many = requested;
        for (var i = 1; i < EmailAttachment.MaxCount; i++)
        {
            many = many.WithAttachment(new EmailAttachment($"{i}.txt", "text/plain", [1]));
        }

        Assert.Throws<ArgumentException>(() => many.WithAttachment(new EmailAttachment("zu-viel.txt", "text/plain", [1])));

        await app.SendAsync(new ForgetMailRecipient("ANHANG@example.org"));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Attachments.CountAsync(a => a.MessageId == requested.EventId)));
    }
}

public sealed class MailRetryTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task A_failing_transport_is_retried_with_pauses_and_the_mail_is_marked_failed_after_max_attempts()
    {
        var requested = new EmailRequested("ada@example.org", "Ada", "Betreff", "Text");
        await app.SendAsync(new RequestEmail(requested));
        // Delivered twice (as after a crash): queued once.
        await app.DispatchAsync();
        await app.WithTestDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE kerneltest.outbox_messages SET status = 0, processed_at = NULL WHERE id = {requested.EventId}"));
        await app.DispatchAsync();
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.CountAsync(m => m.ToAddress == "ada@example.org")));

        Task<int> SendDue() => app.WithScopeAsync(sp => sp.GetRequiredService<EmailSender>().SendDueAsync());
        Task<EmailMessage> Row() => app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == requested.EventId));

        Assert.Equal(0, await SendDue());
        var afterFirst = await Row();
        Assert.Equal(EmailStatus.Queued, afterFirst.Status);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("unreachable", afterFirst.LastError, StringComparison.Ordinal);

        // Not due yet: the pause is respected.
        await SendDue();
        Assert.Equal(1, app.FailingTransport.Calls);

        for (var i = 0; i < ManualDispatchApp.MailMaxAttempts + 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await SendDue();
        }

        var failed = await Row();
        Assert.Equal(EmailStatus.Failed, failed.Status);
        Assert.Equal(ManualDispatchApp.MailMaxAttempts, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.Equal(ManualDispatchApp.MailMaxAttempts, app.FailingTransport.Calls);
        Assert.Contains(app.Logs.Entries, entry => entry.Level == LogLevel.Error
            && entry.Category == typeof(EmailSender).FullName
            && entry.Message.Contains("will not be retried", StringComparison.Ordinal));
    }
}
