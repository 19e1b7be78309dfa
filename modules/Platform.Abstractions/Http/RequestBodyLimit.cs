namespace Platform.Abstractions.Http;

/// <summary>
/// Endpoint metadata: the largest request body this endpoint takes. Tenant routes take 1 MB unless they say
/// otherwise; a larger body is refused with 413 <c>request.too_large</c> before it is read.
/// </summary>
public sealed record RequestBodyLimit(long Bytes)
{
    /// <summary>The limit of routes that name none.</summary>
    public const long Default = 1024 * 1024;
}
