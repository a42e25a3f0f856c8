using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Documents;

/// <summary>
/// Attaches a document to an application (staff): the proposal, a letter of intent or another paper, at most 5 MB, of
/// a type <see cref="DocumentFiles"/> accepts (checked by name and content). 409 once the application is closed or
/// withdrawn. Returns the document's id.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record AddApplicationDocument(Guid ApplicationId, DocumentKind Kind, string FileName, byte[] Content) : IRequest<Guid>;

internal sealed class AddApplicationDocumentValidator : AbstractValidator<AddApplicationDocument>
{
    public AddApplicationDocumentValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(d => d.Kind).IsInEnum().WithMessage(_ => text["Document_KindInvalid"]);
        RuleFor(d => d.FileName).NotEmpty().WithMessage(_ => text["Document_FileRequired"])
            .Must(n => DocumentFiles.BaseName(n).Length is > 0 and <= TextLimits.FileName).WithMessage(_ => text["Document_NameTooLong"]);
        RuleFor(d => d.Content).NotEmpty().WithMessage(_ => text["Document_FileRequired"])
            .Must(c => c.Length <= ApplicationDocument.MaxFileBytes).WithMessage(_ => text["Document_TooLarge"]);
        RuleFor(d => d.Content).Must((d, c) => DocumentFiles.ContentType(d.FileName, c) is not null)
            .When(d => d.Content is { Length: > 0 and <= ApplicationDocument.MaxFileBytes })
            .WithMessage(_ => text["Document_TypeRefused"]);
    }
}

internal sealed class AddApplicationDocumentHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text, TimeProvider clock)
    : IRequestHandler<AddApplicationDocument, Guid>
{
    public async Task<Guid> Handle(AddApplicationDocument request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        if (!FundingPermissions.DocumentsEditable(application.Status))
        {
            throw new ConflictException(text["Documents_Closed"]);
        }

        var document = new ApplicationDocument
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Kind = request.Kind,
            FileName = DocumentFiles.BaseName(request.FileName),
            ContentType = DocumentFiles.ContentType(request.FileName, request.Content)!,
            SizeBytes = request.Content.Length,
            Content = request.Content,
            AddedAt = clock.GetUtcNow(),
            AddedByPersonId = permissions.User.PersonId,
            AddedByName = permissions.User.DisplayName ?? "",
        };
        db.Documents.Add(document);
        return document.Id;
    }
}
