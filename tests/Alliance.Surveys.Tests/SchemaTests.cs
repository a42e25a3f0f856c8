using Alliance.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>The columns the results (hand-written SQL) rely on exist with these names and types.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class SchemaTests(AllianceApp app)
{
    [Theory]
    [InlineData("surveys", "series_id", "uuid")]
    [InlineData("surveys", "wave", "integer")]
    [InlineData("surveys", "previous_wave_id", "uuid")]
    [InlineData("surveys", "status", "character varying")]
    [InlineData("surveys", "anonymous", "boolean")]
    [InlineData("surveys", "response_unit", "character varying")]
    [InlineData("surveys", "opens_on", "date")]
    [InlineData("surveys", "closes_on", "date")]
    [InlineData("surveys", "audience", "jsonb")]
    [InlineData("sections", "title_en", "character varying")]
    [InlineData("questions", "kind", "character varying")]
    [InlineData("questions", "show_if_option_id", "uuid")]
    [InlineData("questions", "number_max", "numeric")]
    [InlineData("options", "role", "character varying")]
    [InlineData("invitations", "token_hash", "bytea")]
    [InlineData("invitations", "answered", "boolean")]
    [InlineData("responses", "size_class", "character varying")]
    [InlineData("responses", "submitted_on", "date")]
    [InlineData("answers", "row_option_id", "uuid")]
    [InlineData("answers", "scale_value", "integer")]
    [InlineData("answers", "number_value", "numeric")]
    [InlineData("answers", "date_value", "date")]
    [InlineData("drafts", "answers", "jsonb")]
    public async Task Column_exists_with_its_type(string table, string column, string type)
    {
        var found = await app.WithScopeAsync(sp => sp.GetRequiredService<SurveysDbContext>().Database
            .SqlQuery<string>($"""
                SELECT data_type AS "Value" FROM information_schema.columns
                WHERE table_schema = 'surveys' AND table_name = {table} AND column_name = {column}
                """)
            .ToListAsync());
        Assert.Equal([type], found);
    }

    [Fact]
    public async Task Responses_have_no_time_finer_than_a_day()
    {
        var types = await app.WithScopeAsync(sp => sp.GetRequiredService<SurveysDbContext>().Database
            .SqlQuery<string>($"""
                SELECT data_type AS "Value" FROM information_schema.columns
                WHERE table_schema = 'surveys' AND table_name IN ('responses', 'answers')
                """)
            .ToListAsync());
        Assert.DoesNotContain(types, t => t.StartsWith("timestamp", StringComparison.Ordinal) || t.StartsWith("time ", StringComparison.Ordinal));
    }
}
