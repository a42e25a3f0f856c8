namespace Alliance.Funding.Documents;

/// <summary>
/// The file types an application's documents may have — what proposals and letters arrive as: PDF, Word/OpenDocument
/// text, spreadsheets and scanned images. The type is decided by the extension AND the file's first bytes (a PDF starts
/// with <c>%PDF-</c>, Office Open XML and OpenDocument are ZIPs, old Office files OLE containers, PNG and JPEG have their
/// signatures); what the browser claims is ignored, and files are always sent back as downloads.
/// </summary>
internal static class DocumentFiles
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (string ContentType, byte[] Signature)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Zip),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
    };

    /// <summary>The extensions accepted, for the form's <c>accept</c> attribute and the message.</summary>
    public static string Accept => string.Join(",", Types.Keys);

    /// <summary>The content type of an accepted file, or null when its name or its first bytes do not fit.</summary>
    public static string? ContentType(string? fileName, byte[]? content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || content is null || !Types.TryGetValue(Path.GetExtension(fileName), out var type))
        {
            return null;
        }

        return content.AsSpan().StartsWith(type.Signature) ? type.ContentType : null;
    }

    /// <summary>The name without any path a browser may have sent.</summary>
    public static string BaseName(string fileName) => Path.GetFileName(fileName.Replace('\\', '/')).Trim();
}
