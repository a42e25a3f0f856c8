using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Spending;

/// <summary>Staff record funds called from the funder (Mittelabruf) for a running project, dated within its period.</summary>
[AllowedFor(Who.Staff)]
internal sealed record RecordDrawdown(Guid ApplicationId, DateOnly? Date, decimal? Amount) : IRequest<Guid>;

internal sealed class RecordDrawdownValidator : AbstractValidator<RecordDrawdown>
{
    public RecordDrawdownValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(d => d.Date).NotNull().WithMessage(_ => text["Field_Required"]).InAllianceRange();
        RuleFor(d => d.Amount).NotNull().WithMessage(_ => text["Field_Required"])
            .GreaterThan(0).WithMessage(_ => text["Amount_Positive"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(a => a is null || Money.HasCents(a.Value)).WithMessage(_ => text["Amount_Cents"]);
    }
}

internal sealed class RecordDrawdownHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text, TimeProvider clock)
    : IRequestHandler<RecordDrawdown, Guid>
{
    public async Task<Guid> Handle(RecordDrawdown request, CancellationToken cancellationToken)
    {
        var application = await permissions.RunningApplicationAsync(request.ApplicationId, cancellationToken);
        var date = request.Date!.Value;
        if (date < application.ProjectStart || date > application.ProjectEnd)
        {
            throw Invalid.Field(nameof(RecordDrawdown.Date), text["Date_OutsidePeriod"]);
        }

        var drawdown = new Drawdown { Id = Guid.NewGuid(), ApplicationId = application.Id, Date = date, Amount = request.Amount!.Value, RecordedAt = clock.GetUtcNow() };
        db.Drawdowns.Add(drawdown);
        return drawdown.Id;
    }
}
