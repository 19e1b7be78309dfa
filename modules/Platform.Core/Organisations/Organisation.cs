namespace Platform.Core.Organisations;

/// <summary>An organisation that is convened to meetings or hosts them: a district SWC, a neighbourhood association, a bank …</summary>
public sealed record Organisation(string Id, string Name, string TypeId, string? DistrictId);

public sealed record OrganisationInput(string? Name, string? TypeId, string? DistrictId = null);

public sealed record OrganisationTypeInput(string? Id, string? Name);
