using Microsoft.AspNetCore.Http.Metadata;

namespace Alliance.Shared.Input;

/// <summary>
/// Raises the body limit of one endpoint or page that takes a file (README "Limits"): the request body and a
/// multipart body may be up to <see cref="RequestLimits.MaxUploadBodyBytes"/> instead of
/// <see cref="RequestLimits.MaxBodyBytes"/>. Endpoints: <c>.WithMetadata(new UploadLimitAttribute())</c>;
/// pages: <c>@attribute [UploadLimit]</c>. The use case still checks its own, smaller file size.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute, IRequestSizeLimitMetadata, IFormOptionsMetadata
{
    /// <inheritdoc />
    public long? MaxRequestBodySize => RequestLimits.MaxUploadBodyBytes;

    /// <inheritdoc />
    public long? MultipartBodyLengthLimit => RequestLimits.MaxUploadBodyBytes;

    /// <inheritdoc />
    public bool? BufferBody => null;

    /// <inheritdoc />
    public int? MemoryBufferThreshold => null;

    /// <inheritdoc />
    public long? BufferBodyLengthLimit => null;

    /// <inheritdoc />
    public int? ValueCountLimit => null;

    /// <inheritdoc />
    public int? KeyLengthLimit => null;

    /// <inheritdoc />
    public int? ValueLengthLimit => null;

    /// <inheritdoc />
    public int? MultipartBoundaryLengthLimit => null;

    /// <inheritdoc />
    public int? MultipartHeadersCountLimit => null;

    /// <inheritdoc />
    public int? MultipartHeadersLengthLimit => null;
}
