namespace ReportPipeline.Core.Uploads;

/// <summary>
/// The sliding windows of a key's slots: the times of the slots it was given in the last 24 hours, newest last. A slot is
/// given only while fewer than <see cref="UploadOptions.MaxSlotsPerHour"/> fall in the last hour and fewer than
/// <see cref="UploadOptions.MaxSlotsPerDay"/> in the last day.
/// </summary>
public static class SlotQuota
{
    /// <summary>The most slot times kept per key, so the list stays a few kilobytes on the credential's row.</summary>
    public const int MaxRemembered = 1000;

    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The times to keep with one more slot at <paramref name="now"/>; null when the key has had its fill.</summary>
    public static IReadOnlyList<DateTimeOffset>? Take(IReadOnlyList<DateTimeOffset> given, DateTimeOffset now, UploadOptions limits)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(limits);
        var lastDay = given.Where(t => t > now - Day && t <= now).Order().ToList();
        if (lastDay.Count >= limits.MaxSlotsPerDay || lastDay.Count(t => t > now - Hour) >= limits.MaxSlotsPerHour)
        {
            return null;
        }

        lastDay.Add(now);
        return lastDay.TakeLast(MaxRemembered).ToList();
    }

    /// <summary>When the key may next be given a slot, had <see cref="Take"/> refused one at <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAt(IReadOnlyList<DateTimeOffset> given, DateTimeOffset now, UploadOptions limits)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(limits);
        var lastDay = given.Where(t => t > now - Day && t <= now).Order().ToList();
        var lastHour = lastDay.Where(t => t > now - Hour).ToList();
        var hourFree = lastHour.Count >= limits.MaxSlotsPerHour ? lastHour[lastHour.Count - limits.MaxSlotsPerHour] + Hour : now;
        var dayFree = lastDay.Count >= limits.MaxSlotsPerDay ? lastDay[lastDay.Count - limits.MaxSlotsPerDay] + Day : now;
        return hourFree > dayFree ? hourFree : dayFree;
    }
}
