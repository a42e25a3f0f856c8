using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Alliance.Shared.Exports;

/// <summary>
/// MiniExcel writes the workbook, sheet and style parts with the SpreadsheetML namespace bound to a prefix
/// (<c>&lt;x:workbook xmlns:x="…"&gt;</c>). That is valid Open XML and Excel, LibreOffice and openpyxl read it, but exceljs
/// matches element names literally and finds no sheet at all. This rewrites those parts with the namespace as the
/// default one (<c>&lt;workbook xmlns="…"&gt;</c>) — the same document, the form every reader takes. Streaming
/// (XmlReader → XmlWriter), so a large sheet is not built in memory.
/// </summary>
public static class XlsxCompatibility
{
    private const string SpreadsheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>The workbook with every <c>xl/*.xml</c> part's SpreadsheetML elements unprefixed.</summary>
    public static byte[] WithDefaultNamespace(byte[] workbook)
    {
        using var buffer = new MemoryStream();
        WithDefaultNamespace(new MemoryStream(workbook), buffer);
        return buffer.ToArray();
    }

    /// <summary>Copies the workbook in <paramref name="workbook"/> to <paramref name="output"/> with its parts unprefixed, part by part.</summary>
    public static void WithDefaultNamespace(Stream workbook, Stream output)
    {
        using var input = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in input.Entries)
        {
            var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName.StartsWith("xl/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
            {
                Unprefix(from, to);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    private static void Unprefix(Stream from, Stream to)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartDocument(standalone: true);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(reader.NamespaceURI == SpreadsheetMl ? "" : reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var declaresMain = reader.NamespaceURI == XmlnsNamespace && reader.Value == SpreadsheetMl;
                            var declaresDefault = reader.NamespaceURI == XmlnsNamespace && reader.Prefix.Length == 0;
                            if (!declaresMain && !declaresDefault)
                            {
                                writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (empty)
                    {
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
            }
        }
    }
}
