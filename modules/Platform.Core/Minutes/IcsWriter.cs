using System.Globalization;
using System.Text;
using Platform.Abstractions.Tenancy;
using Platform.Core.Meetings;

namespace Platform.Core.Minutes;

/// <summary>
/// iCalendar (RFC 5545) for meetings: one event per time slot, in Japan time with its VTIMEZONE, lines folded at
/// 75 octets without splitting a character, text escaped. A meeting without slots is an all-day event.
/// </summary>
public static class IcsWriter
{
    public static string Calendar(string name, TenantInfo tenant, IEnumerable<MeetingView> meetings)
    {
        var ics = new StringBuilder();
        Begin(ics, $"{tenant.Name} {name}");
        foreach (var m in meetings)
            Events(ics, tenant, m);
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    public static string Event(TenantInfo tenant, MeetingView meeting) => Calendar(meeting.Title, tenant, [meeting]);

    private static void Begin(StringBuilder ics, string name)
    {
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Sasaeai Platform//Meetings//JA");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, $"X-WR-CALNAME:{Escape(name)}");
        Line(ics, "X-WR-TIMEZONE:Asia/Tokyo");
        Line(ics, "BEGIN:VTIMEZONE");
        Line(ics, "TZID:Asia/Tokyo");
        Line(ics, "BEGIN:STANDARD");
        Line(ics, "DTSTART:19700101T000000");
        Line(ics, "TZOFFSETFROM:+0900");
        Line(ics, "TZOFFSETTO:+0900");
        Line(ics, "TZNAME:JST");
        Line(ics, "END:STANDARD");
        Line(ics, "END:VTIMEZONE");
    }

    private static void Events(StringBuilder ics, TenantInfo tenant, MeetingView m)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var day = m.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var location = $"{m.Venue} {m.Room}".Trim();
        var description =
            $"{m.BodyName}（{m.KindName}）\n参集範囲：{string.Join("、", m.Convened.Select(c => c.Name))}";
        var slots = m.Slots.Count == 0 ? [null] : m.Slots.Cast<TimeSlot?>().ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{m.Id}-{i + 1}@{tenant.Id}.sasaeai");
            Line(ics, $"DTSTAMP:{stamp}");
            if (slots[i] is { } slot)
            {
                Line(ics, $"DTSTART;TZID=Asia/Tokyo:{day}T{slot.Start.Replace(":", "")}00");
                Line(ics, $"DTEND;TZID=Asia/Tokyo:{day}T{slot.End.Replace(":", "")}00");
            }
            else
            {
                Line(ics, $"DTSTART;VALUE=DATE:{day}");
                Line(ics, $"DTEND;VALUE=DATE:{m.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
            }
            Line(ics, $"SUMMARY:{Escape(m.Title)}");
            if (location.Length > 0)
                Line(ics, $"LOCATION:{Escape(location)}");
            Line(ics, $"DESCRIPTION:{Escape(description)}");
            Line(ics, $"STATUS:{(m.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED")}");
            Line(ics, "END:VEVENT");
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Writes a content line, folded so that no line is longer than 75 octets of UTF-8.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
