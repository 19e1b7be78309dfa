namespace Platform.Abstractions.Organisations;

/// <summary>An organisation that is convened to meetings or hosts them: a district SWC, a neighbourhood association, a
/// bank …</summary>
public sealed record Organisation(string Id, string Name, string TypeId, string? DistrictId)
{
    /// <summary>How the organisation is reached (its office, not a resident's): none when nothing is recorded.</summary>
    public OrganisationContact? Contact { get; init; }
}

/// <summary>
/// An organisation's office contact (電話, メール, 住所, 担当者). The 担当者 is the office's named contact for the
/// programme, not a resident, so it is kept with the organisation and shown to staff only.
/// </summary>
public sealed record OrganisationContact(
    string? Phone = null,
    string? Email = null,
    string? Address = null,
    string? Person = null
);

/// <summary>An organisation as the API receives it; a null <see cref="Contact"/> keeps the recorded one.</summary>
public sealed record OrganisationInput(string? Name, string? TypeId, string? DistrictId = null)
{
    /// <summary>The contact to record; a field left empty clears it.</summary>
    public OrganisationContact? Contact { get; init; }
}

/// <summary>A tenant's own organisation type as the API receives it.</summary>
public sealed record OrganisationTypeInput(string? Id, string? Name);

/// <summary>A type of organisation (地区社協, 町会, 交番 …). The built-in ones come from the glossary; a tenant adds its
/// own.</summary>
public sealed record OrganisationType(string Id, string Name, bool BuiltIn);
