using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Agenda;

/// <summary>An attached document for download: the file, or the link to follow. 404 unless the caller may see the meeting.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetAgendaDocument(Guid DocumentId) : IRequest<AgendaDocumentDownload>;

/// <summary>Either a stored file (<see cref="Content"/>) or a link (<see cref="Url"/>).</summary>
internal sealed record AgendaDocumentDownload(string Name, byte[]? Content, string? Url)
{
    /// <summary>A file is always sent as a download (octet-stream), never rendered inline.</summary>
    public Results<FileContentHttpResult, RedirectHttpResult> ToResult() =>
        Content is { } content ? TypedResults.File(content, "application/octet-stream", Name) : TypedResults.Redirect(Url!);
}

internal sealed class GetAgendaDocumentHandler(MeetingsDbContext db, MeetingPermissions access) : IRequestHandler<GetAgendaDocument, AgendaDocumentDownload>
{
    public async Task<AgendaDocumentDownload> Handle(GetAgendaDocument request, CancellationToken cancellationToken)
    {
        var document = await db.AgendaDocuments.AsNoTracking()
            .Where(d => d.Id == request.DocumentId)
            .Select(d => new { d.Name, d.Content, d.Url, MeetingId = db.AgendaItems.Where(a => a.Id == d.AgendaItemId).Select(a => a.MeetingId).First() })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Document", request.DocumentId);
        await access.VisibleMeetingAsync(document.MeetingId, cancellationToken);
        return new AgendaDocumentDownload(document.Name, document.Content, document.Url);
    }
}
