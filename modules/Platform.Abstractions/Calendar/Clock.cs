namespace Platform.Abstractions.Calendar;

/// <summary>Instants as the database stores them (ISO 8601 text), and "today" in Japan, where every user is.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The current instant as stored: ISO 8601 UTC text with offset.</summary>
    public static string Now() =>
        DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today's date in Japan (Asia/Tokyo), where every user is; <paramref name="time"/> lets tests fix the
    /// clock.</summary>
    public static DateOnly TodayInJapan(TimeProvider? time = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((time ?? TimeProvider.System).GetUtcNow(), Japan).DateTime);

    /// <summary>A date as stored: <c>yyyy-MM-dd</c>.</summary>
    public static string Iso(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stored <c>yyyy-MM-dd</c> date, or null for null.</summary>
    public static DateOnly? ParseIso(string? text) =>
        text is null
            ? null
            : DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
