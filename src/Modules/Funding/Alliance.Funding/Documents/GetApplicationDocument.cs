using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Documents;

/// <summary>A document's file for download (staff); 404 when it does not belong to the application.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetApplicationDocument(Guid ApplicationId, Guid DocumentId) : IRequest<DocumentDownload>;

/// <summary>The stored file (at most 5 MB).</summary>
internal sealed record DocumentDownload(string FileName, byte[] Content)
{
    /// <summary>Always a download (octet-stream), never rendered inline, whatever the file claims to be.</summary>
    public FileContentHttpResult ToResult() => TypedResults.File(Content, "application/octet-stream", FileName);
}

internal sealed class GetApplicationDocumentHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<GetApplicationDocument, DocumentDownload>
{
    public async Task<DocumentDownload> Handle(GetApplicationDocument request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        return await db.Documents.AsNoTracking().Where(d => d.Id == request.DocumentId && d.ApplicationId == application.Id)
            .Select(d => new DocumentDownload(d.FileName, d.Content)).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Document", request.DocumentId);
    }
}
