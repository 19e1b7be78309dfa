namespace Platform.Core.Calendar;

/// <summary>年度: the fiscal year that starts on 1 April. Fiscal year 2018 (平成30年度) is 2018-04-01 to 2019-03-31.</summary>
public readonly record struct FiscalYear(int Year)
{
    public DateOnly Start => new(Year, 4, 1);

    public DateOnly End => new(Year + 1, 3, 31);

    public string Name => Wareki.FiscalYearName(Year);

    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => Name;
}
