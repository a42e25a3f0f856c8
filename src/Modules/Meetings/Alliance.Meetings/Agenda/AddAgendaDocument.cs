using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Agenda;

/// <summary>Attaches a document to an agenda item: a link, or a small file (at most 5 MB, stored in the database).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record AddAgendaDocument(Guid AgendaItemId, string Name, string? Url, string? ContentType = null, byte[]? Content = null) : IRequest<Guid>;

internal sealed class AddAgendaDocumentValidator : AbstractValidator<AddAgendaDocument>
{
    public AddAgendaDocumentValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(d => d.Name).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.DocumentName);
        RuleFor(d => d.Url)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(d => d.Content is null).WithMessage(_ => text["Validation_OnlineLink"]).MaximumLength(TextLimits.DocumentUrl);
        RuleFor(d => d.Content).Must(c => c!.Length is > 0 and <= AgendaDocument.MaxFileBytes).When(d => d.Content is not null)
            .WithMessage(_ => text["Validation_FileTooLarge"]);
        RuleFor(d => d.ContentType).MaximumLength(TextLimits.ContentType);
    }
}

internal sealed class AddAgendaDocumentHandler(MeetingsDbContext db, MeetingPermissions access, TimeProvider clock) : IRequestHandler<AddAgendaDocument, Guid>
{
    public async Task<Guid> Handle(AddAgendaDocument request, CancellationToken cancellationToken)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == request.AgendaItemId, cancellationToken)
            ?? throw NotFoundException.For("Agenda item", request.AgendaItemId);
        var meeting = await access.MeetingWithEditableMinutesAsync(item.MeetingId, cancellationToken);
        var document = new AgendaDocument
        {
            Id = Guid.NewGuid(), AgendaItemId = item.Id, Name = request.Name.Trim(), Url = request.Content is null ? request.Url?.Trim() : null,
            ContentType = request.Content is null ? null : request.ContentType ?? "application/octet-stream", Content = request.Content,
            SizeBytes = request.Content?.Length ?? 0, AddedAt = clock.GetUtcNow(),
        };
        db.AgendaDocuments.Add(document);
        return document.Id;
    }
}
