namespace Platform.Abstractions.Organisations;

/// <summary>An organisation that is convened to meetings or hosts them: a district SWC, a neighbourhood association, a
/// bank …</summary>
public sealed record Organisation(string Id, string Name, string TypeId, string? DistrictId);

/// <summary>An organisation as the API receives it.</summary>
public sealed record OrganisationInput(string? Name, string? TypeId, string? DistrictId = null);

/// <summary>A tenant's own organisation type as the API receives it.</summary>
public sealed record OrganisationTypeInput(string? Id, string? Name);

/// <summary>A type of organisation (地区社協, 町会, 交番 …). The built-in ones come from the glossary; a tenant adds its
/// own.</summary>
public sealed record OrganisationType(string Id, string Name, bool BuiltIn);
