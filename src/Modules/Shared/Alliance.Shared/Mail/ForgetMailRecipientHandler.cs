using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Mail;

internal sealed class ForgetMailRecipientValidator : AbstractValidator<ForgetMailRecipient>
{
    public ForgetMailRecipientValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(320);
}

/// <summary>Blanks address, name and body of every mail to the address (any case) and deletes its attachments; queued ones are cancelled as failed.</summary>
internal sealed class ForgetMailRecipientHandler(MailDbContext db) : IRequestHandler<ForgetMailRecipient, int>
{
    /// <summary>What the log shows instead of a forgotten queued mail's error.</summary>
    public const string ErasedNote = "Recipient erased; not sent.";

    public async Task<int> Handle(ForgetMailRecipient request, CancellationToken cancellationToken)
    {
        var address = request.Email.Trim().ToLowerInvariant();
        await db.Attachments
            .Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.ToAddress.ToLower() == address))
            .ExecuteDeleteAsync(cancellationToken);
        return await db.Messages
            .Where(m => m.ToAddress.ToLower() == address)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.ToAddress, string.Empty)
                .SetProperty(m => m.ToName, string.Empty)
                .SetProperty(m => m.TextBody, string.Empty)
                .SetProperty(m => m.LastError, m => m.Status == EmailStatus.Queued ? ErasedNote : m.LastError)
                .SetProperty(m => m.Status, m => m.Status == EmailStatus.Queued ? EmailStatus.Failed : m.Status), cancellationToken);
    }
}
