using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alliance.Shared.Mail;

public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class SmtpEmailTransport(IOptions<MailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort,
            settings.SmtpUseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each mail as an .eml file any mail program opens (the run command's default).</summary>
internal sealed class PickupDirectoryEmailTransport(IOptions<MailOptions> options, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (options.Value.PickupDelayMilliseconds > 0)
        {
            await Task.Delay(options.Value.PickupDelayMilliseconds, cancellationToken);
        }

        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{message.MessageId}.eml");
        // Written under another name and then renamed: whoever watches the folder never sees half a mail.
        var partial = Path.Combine(directory, $".{Guid.NewGuid():N}.partial");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
