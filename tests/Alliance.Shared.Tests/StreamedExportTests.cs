using System.Globalization;
using System.IO.Compression;
using System.Text;
using Alliance.Shared.Exports;

namespace Alliance.Shared.Tests;

/// <summary>
/// Tabular exports are written to the response while their rows are read (issue 13: exports stream, memory flat in the
/// number of rows): into a body that, like Kestrel's, refuses synchronous writes.
/// </summary>
public sealed class StreamedExportTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly ExportColumn<int>[] Columns =
    [
        new("Nummer", i => i),
        new("Name", i => i == 7 ? "=HYPERLINK(\"x\")" : $"Organisation {i}", 30),
        new("Stichtag", i => new DateOnly(2026, 12, 1 + (i % 28))),
    ];

    [Fact]
    public async Task The_csv_reaches_the_body_while_its_rows_are_still_read_and_never_by_a_synchronous_write()
    {
        const int rows = 20_000;
        var body = new ResponseBody();
        long writtenBeforeLastRow = -1;

        async IAsyncEnumerable<int> Read()
        {
            for (var i = 0; i < rows; i++)
            {
                if (i == rows - 1)
                {
                    writtenBeforeLastRow = body.Length;
                }

                if (i % 1000 == 0)
                {
                    await Task.Yield();
                }

                yield return i;
            }
        }

        await CsvExport.WriteAsync(body, Read(), Columns, German, CancellationToken.None);

        Assert.InRange(writtenBeforeLastRow, 1, body.Length - 1);
        var bytes = body.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows + 1, lines.Length);
        Assert.Equal("Nummer;Name;Stichtag", lines[0]);
        Assert.Equal("0;Organisation 0;01.12.2026", lines[1]);
        Assert.StartsWith("7;\"'=HYPERLINK", lines[8], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_is_written_to_a_body_that_refuses_synchronous_writes_with_every_row()
    {
        const int rows = 5_000;
        var body = new ResponseBody();

        await XlsxExport.WriteAsync(body, Enumerable.Range(0, rows), Columns, "Liste", CancellationToken.None);

        using var workbook = new ZipArchive(new MemoryStream(body.ToArray()), ZipArchiveMode.Read);
        var sheet = workbook.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Equal(rows + 1, xml.Split("<row ").Length - 1);
        Assert.Contains("Organisation 4999", xml, StringComparison.Ordinal);
    }

    /// <summary>A response body as Kestrel gives it: asynchronous writes only (AllowSynchronousIO is off by default).</summary>
    private sealed class ResponseBody : Stream
    {
        private readonly MemoryStream _written = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written.Length;

        public override long Position { get => _written.Length; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _written.ToArray();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
