using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.ActionFields;

/// <summary>Staff add an action field (title unique).</summary>
[AllowedFor(Who.Staff)]
internal sealed record CreateActionField(string Title, string? Description) : IRequest<Guid>;

internal sealed class CreateActionFieldValidator : AbstractValidator<CreateActionField>
{
    public CreateActionFieldValidator(LabsDbContext db, IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.ActionFieldTitle).WithMessage(_ => text["Validation_TooLong"])
            .MustAsync(async (title, ct) => !await db.ActionFields.AnyAsync(a => a.Title == (title ?? "").Trim(), ct))
            .WithMessage(_ => text["ActionField_TitleTaken"]);
        RuleFor(c => c.Description).MaximumLength(TextLimits.ActionFieldDescription).WithMessage(_ => text["Validation_TooLong"]);
    }
}

internal sealed class CreateActionFieldHandler(LabsDbContext db, TimeProvider clock) : IRequestHandler<CreateActionField, Guid>
{
    public Task<Guid> Handle(CreateActionField request, CancellationToken cancellationToken)
    {
        var field = new ActionField { Id = Guid.NewGuid(), Title = request.Title.Trim(), Description = request.Description?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.ActionFields.Add(field);
        return Task.FromResult(field.Id);
    }
}
