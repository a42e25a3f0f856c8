using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Proposals;

/// <summary>A representative proposes a topic for their organisation.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CreateProposal(string Title, string Description, Guid? ActionFieldId) : IRequest<Guid>, IProposalFields;

/// <summary>The rules of a proposal's fields, shared by create and update.</summary>
internal interface IProposalFields
{
    string Title { get; }
    string Description { get; }
    Guid? ActionFieldId { get; }
}

internal sealed class ProposalFieldsValidator : AbstractValidator<IProposalFields>
{
    public ProposalFieldsValidator(LabsDbContext db, IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.ProposalTitle).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Description).NotEmpty().WithMessage(_ => text["Validation_Required"])
            .MaximumLength(TextLimits.ProposalDescription).WithMessage(_ => string.Format(text["Validation_MaxLength"], TextLimits.ProposalDescription));
        RuleFor(c => c.ActionFieldId)
            .MustAsync(async (id, ct) => id is null || await db.ActionFields.AnyAsync(a => a.Id == id, ct))
            .WithMessage(_ => text["Lab_ActionFieldUnknown"]);
    }
}

internal sealed class CreateProposalValidator : AbstractValidator<CreateProposal>
{
    public CreateProposalValidator(LabsDbContext db, IStringLocalizer<LabsText> text) => Include(new ProposalFieldsValidator(db, text));
}

internal sealed class CreateProposalHandler(LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, TimeProvider clock)
    : IRequestHandler<CreateProposal, Guid>
{
    public async Task<Guid> Handle(CreateProposal request, CancellationToken cancellationToken)
    {
        var organization = permissions.RequireOrganization();
        await organizations.EnsureAsync([organization], cancellationToken);
        var proposal = new TopicProposal
        {
            Id = Guid.NewGuid(), Title = request.Title.Trim(), Description = request.Description.Trim(), ActionFieldId = request.ActionFieldId,
            OrganizationId = organization, ProposedByPersonId = permissions.User.PersonId, CreatedAt = clock.GetUtcNow(), Status = ProposalStatus.Open,
        };
        db.Proposals.Add(proposal);
        return proposal.Id;
    }
}
