namespace Platform.Abstractions.Calendar;

/// <summary>年度: the fiscal year that starts on 1 April. Fiscal year 2018 (平成30年度) is 2018-04-01 to
/// 2019-03-31.</summary>
public readonly record struct FiscalYear(int Year)
{
    /// <summary>1 April of <see cref="Year"/>.</summary>
    public DateOnly Start => new(Year, 4, 1);

    /// <summary>31 March of the next year.</summary>
    public DateOnly End => new(Year + 1, 3, 31);

    /// <summary>Its 和暦 name, e.g. 令和元年度.</summary>
    public string Name => Wareki.FiscalYearName(Year);

    /// <summary>The fiscal year a date falls in.</summary>
    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Whether the date falls in this fiscal year.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The 和暦 name.</summary>
    public override string ToString() => Name;
}
