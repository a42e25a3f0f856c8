using System.Globalization;
using System.IO.Compression;
using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Funding.Spending;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Alliance.Funding.Exports;

/// <summary>
/// The numerical proof (zahlenmäßiger Nachweis) of one application in three tables: budget vs actual per year and
/// cost category with the remaining budget (and a total row), the drawdowns with their spending deadline, and the
/// receipt list (Belegliste: the expenses per cost category in date order, with a running total per category). Sums and
/// running totals are computed by PostgreSQL; the receipts are read row by row while the file is written, never
/// collected in memory. Written as one XLSX workbook (typed cells: amounts as numbers with two decimals, days as dates)
/// or as a ZIP of three CSV files (one table each; German or English conventions). Texts in the current UI culture.
/// </summary>
internal sealed class NumericalProof(FundingDbContext db, IStringLocalizer<FundingText> text, IOptions<FundingOptions> options, TimeProvider clock)
{
    /// <summary>The XLSX number format of amounts (EUR, two decimals; the header names the currency).</summary>
    public const string AmountFormat = "#,##0.00";

    /// <summary>What the export needs besides the receipts, loaded before writing.</summary>
    internal sealed record Figures(Application Application, Call Call, IReadOnlyList<BudgetActualRow> Budget, IReadOnlyList<DrawdownStatus> Drawdowns);

    /// <summary>One receipt with the running total of its cost category (SQL window function).</summary>
    internal sealed record ReceiptRow(string Category, DateOnly Date, int Year, string? ReceiptReference, string? Payee, string Description, decimal Amount, decimal RunningTotal);

    /// <summary>Loads budget vs actual (in the call's category order) and the drawdowns with their status.</summary>
    public async Task<Figures> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        var budget = (await BudgetVsActual.ForAsync(db, applicationId, ct))
            .OrderBy(r => r.Year).ThenBy(r => Position(call, r.Category)).ThenBy(r => r.Category, StringComparer.Ordinal).ToList();
        var drawdowns = await db.Drawdowns.AsNoTracking().Where(d => d.ApplicationId == applicationId).ToListAsync(ct);
        var statuses = DrawdownStatus.Of(drawdowns, budget.Sum(r => r.Actual), call.FundingRate, AllianceTime.Today(clock),
            options.Value.SpendWithinDays, options.Value.SpendWarningDays);
        return new Figures(application, call, budget, statuses);
    }

    /// <summary>The receipts per category (the call's order) and date, read lazily as the writer asks for them.</summary>
    public IEnumerable<ReceiptRow> Receipts(Figures figures)
    {
        var categories = figures.Call.CostCategories.ToArray();
        var id = figures.Application.Id;
        return db.Database.SqlQuery<ReceiptRow>($"""
            SELECT category AS "Category", date AS "Date", year AS "Year", receipt_reference AS "ReceiptReference", payee AS "Payee",
                   description AS "Description", amount AS "Amount",
                   sum(amount) OVER (PARTITION BY category ORDER BY date, recorded_at, id ROWS UNBOUNDED PRECEDING)::numeric(14,2) AS "RunningTotal"
            FROM funding.expenses WHERE application_id = {id}
            ORDER BY coalesce(array_position({categories}, category), 1000), category, date, recorded_at, id
            """).AsNoTracking().AsEnumerable();
    }

    /// <summary>The workbook: three sheets, typed cells, header rows, autofilter.</summary>
    public void WriteXlsx(Stream output, Figures figures, CultureInfo culture)
    {
        var dateFormat = culture.TwoLetterISOLanguageName == Cultures.English ? "d mmm yyyy" : "dd.mm.yyyy";
        XlsxExport.WriteSheets(output,
            XlsxSheet.Of(text["Export_Sheet_Budget"], BudgetRows(figures), BudgetColumns()),
            XlsxSheet.Of(text["Export_Sheet_Drawdowns"], DrawdownRows(figures), DrawdownColumns(dateFormat)),
            XlsxSheet.Of(text["Export_Sheet_Receipts"], Receipts(figures), ReceiptColumns(dateFormat)));
    }

    /// <summary>
    /// The three tables as CSV files in one ZIP: a CSV holds one table, and funders' portals and accountants import
    /// them one by one; one archive keeps the proof a single download with a single audit record.
    /// </summary>
    public void WriteCsvZip(Stream output, Figures figures, CultureInfo culture)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(text["Export_Sheet_Budget"] + ".csv", CompressionLevel.Optimal).Open())
        {
            CsvExport.Write(entry, BudgetRows(figures), BudgetColumns(), culture);
        }

        using (var entry = zip.CreateEntry(text["Export_Sheet_Drawdowns"] + ".csv", CompressionLevel.Optimal).Open())
        {
            CsvExport.Write(entry, DrawdownRows(figures), DrawdownColumns(null), culture);
        }

        using (var entry = zip.CreateEntry(text["Export_Sheet_Receipts"] + ".csv", CompressionLevel.Optimal).Open())
        {
            CsvExport.Write(entry, Receipts(figures), ReceiptColumns(null), culture);
        }
    }

    /// <summary>One line of the budget table; the total line has no year.</summary>
    internal sealed record BudgetRow(int? Year, string Category, decimal Budget, decimal Actual, decimal Remaining, decimal? PercentUsed);

    /// <summary>One drawdown with the total drawn up to it and its status word.</summary>
    internal sealed record DrawdownRow(DateOnly Date, decimal Amount, decimal DrawnTotal, DateOnly SpendBy, decimal Unspent, string Status);

    private IEnumerable<BudgetRow> BudgetRows(Figures figures)
    {
        foreach (var r in figures.Budget)
        {
            yield return new BudgetRow(r.Year, CostCategories.Label(text, r.Category), Cents(r.Budget), Cents(r.Actual), Cents(r.Remaining), r.PercentUsed);
        }

        var budget = figures.Budget.Sum(r => r.Budget);
        var actual = figures.Budget.Sum(r => r.Actual);
        yield return new BudgetRow(null, text["Export_Total"], Cents(budget), Cents(actual), Cents(budget - actual),
            budget == 0 ? null : Math.Round(actual * 100m / budget, 1, MidpointRounding.AwayFromZero));
    }

    private IEnumerable<DrawdownRow> DrawdownRows(Figures figures)
    {
        var drawn = 0m;
        foreach (var d in figures.Drawdowns)
        {
            drawn += d.Amount;
            var status = d.Overdue ? text["Drawdown_Overdue"] : d.DueSoon ? text["Drawdown_DueSoon"] : d.Unspent == 0 ? text["Export_Drawdown_Spent"] : text["Export_Drawdown_Open"];
            yield return new DrawdownRow(d.Date, Cents(d.Amount), Cents(drawn), d.SpendBy, Cents(d.Unspent), status);
        }
    }

    private List<ExportColumn<BudgetRow>> BudgetColumns() =>
    [
        new(text["Budget_Year"], r => r.Year, 8),
        new(text["Budget_Category"], r => r.Category, 24),
        new(text["Export_Column_Budget"], r => r.Budget, 16, AmountFormat),
        new(text["Export_Column_Actual"], r => r.Actual, 16, AmountFormat),
        new(text["Export_Column_Remaining"], r => r.Remaining, 16, AmountFormat),
        new(text["Export_Column_PercentUsed"], r => r.PercentUsed, 14, "0.0"),
    ];

    private List<ExportColumn<DrawdownRow>> DrawdownColumns(string? dateFormat) =>
    [
        new(text["Drawdown_Date"], r => r.Date, 14, dateFormat),
        new(text["Export_Column_Amount"], r => r.Amount, 16, AmountFormat),
        new(text["Export_Column_DrawnTotal"], r => r.DrawnTotal, 18, AmountFormat),
        new(text["Drawdown_SpendBy"], r => r.SpendBy, 16, dateFormat),
        new(text["Export_Column_Unspent"], r => r.Unspent, 18, AmountFormat),
        new(text["Export_Column_Status"], r => r.Status, 22),
    ];

    private List<ExportColumn<ReceiptRow>> ReceiptColumns(string? dateFormat) =>
    [
        new(text["Budget_Category"], r => CostCategories.Label(text, r.Category), 22),
        new(text["Expense_Date"], r => r.Date, 14, dateFormat),
        new(text["Budget_Year"], r => r.Year, 8),
        new(text["Expense_Receipt"], r => r.ReceiptReference, 16),
        new(text["Expense_Payee"], r => r.Payee, 24),
        new(text["Expense_Description"], r => r.Description, 40),
        new(text["Export_Column_Amount"], r => Cents(r.Amount), 16, AmountFormat),
        new(text["Export_Column_RunningTotal"], r => Cents(r.RunningTotal), 20, AmountFormat),
    ];

    /// <summary>Two decimal places also in the value's scale, so CSV writes "1234,50", not "1234,5".</summary>
    internal static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static int Position(Call call, string category)
    {
        var index = call.CostCategories.IndexOf(category);
        return index < 0 ? int.MaxValue : index;
    }
}
