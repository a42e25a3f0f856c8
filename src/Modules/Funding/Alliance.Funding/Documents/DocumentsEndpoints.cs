using Alliance.Funding.Domain;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Funding.Documents;

internal static class DocumentsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/applications/{applicationId:guid}/documents").RequireAuthorization(Policies.Staff);
        documents.MapGet("/", (IMediator mediator, Guid applicationId, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListApplicationDocuments(applicationId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListApplicationDocuments").WithSummary("The application's documents, newest first, without content (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapPost("/", (IMediator mediator, Guid applicationId, DocumentBody body, CancellationToken ct) =>
                Reply.Created(mediator.Send(new AddApplicationDocument(applicationId, body.Kind, body.FileName, body.ContentBase64), ct), id => $"/api/funding/applications/{applicationId}/documents/{id}"))
            .WithMetadata(new UploadLimitAttribute())
            .WithName("AddApplicationDocument").WithSummary("Attaches a document (base64, at most 5 MB; PDF, Word, OpenDocument, spreadsheets, PNG, JPEG) (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        documents.MapGet("/{documentId:guid}", async (IMediator mediator, Guid applicationId, Guid documentId, CancellationToken ct) =>
                (await mediator.Send(new GetApplicationDocument(applicationId, documentId), ct)).ToResult())
            .WithName("GetApplicationDocument").WithSummary("Downloads a document (always as a download) (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapDelete("/{documentId:guid}", (IMediator mediator, Guid applicationId, Guid documentId, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeleteApplicationDocument(applicationId, documentId), ct)))
            .WithName("DeleteApplicationDocument").WithSummary("Removes a document (staff).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>An upload: what the document is, its file name and the file as base64.</summary>
    internal sealed record DocumentBody(DocumentKind Kind, string FileName, byte[] ContentBase64);
}
