using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Documents;

/// <summary>An application's documents, newest first (paged, without their content), and whether they may be changed.</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListApplicationDocuments(Guid ApplicationId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<DocumentList>;

/// <summary>The documents of one application; <see cref="CanManage"/>: documents may be added and removed now.</summary>
internal sealed record DocumentList(PagedResult<DocumentRow> Documents, bool CanManage);

/// <summary>One document without its content.</summary>
internal sealed record DocumentRow(Guid Id, DocumentKind Kind, string FileName, string ContentType, int SizeBytes, DateTimeOffset AddedAt, string AddedByName);

internal sealed class ListApplicationDocumentsHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<ListApplicationDocuments, DocumentList>
{
    public async Task<DocumentList> Handle(ListApplicationDocuments request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == application.Id)
            .OrderByDescending(d => d.AddedAt).ThenBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeBytes, d.AddedAt, d.AddedByName))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        return new DocumentList(documents, FundingPermissions.DocumentsEditable(application.Status));
    }
}
