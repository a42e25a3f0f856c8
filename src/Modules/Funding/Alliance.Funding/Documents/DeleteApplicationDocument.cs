using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Documents;

/// <summary>Removes a document (staff); 404 when unknown, 409 once the application is closed or withdrawn.</summary>
[AllowedFor(Who.Staff)]
internal sealed record DeleteApplicationDocument(Guid ApplicationId, Guid DocumentId) : IRequest<Unit>;

internal sealed class DeleteApplicationDocumentHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<DeleteApplicationDocument, Unit>
{
    public async Task<Unit> Handle(DeleteApplicationDocument request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        if (!FundingPermissions.DocumentsEditable(application.Status))
        {
            throw new ConflictException(text["Documents_Closed"]);
        }

        var deleted = await db.Documents.Where(d => d.Id == request.DocumentId && d.ApplicationId == application.Id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? throw NotFoundException.For("Document", request.DocumentId) : Unit.Value;
    }
}
