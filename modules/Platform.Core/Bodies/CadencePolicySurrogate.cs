using Platform.Abstractions.Bodies;

namespace Platform.Core.Bodies;

/// <summary>
/// How Orleans copies a <see cref="CadencePolicy"/> (in the district grain's cadence): the SDK that defines it carries
/// no Orleans attributes, so the core states its wire form here.
/// </summary>
[GenerateSerializer, Immutable]
public readonly struct CadencePolicySurrogate(int? atLeast, int? atMost, bool meetEvenWithoutCase)
{
    [Id(0)]
    public int? AtLeast { get; } = atLeast;

    [Id(1)]
    public int? AtMost { get; } = atMost;

    [Id(2)]
    public bool MeetEvenWithoutCase { get; } = meetEvenWithoutCase;
}

[RegisterConverter]
public sealed class CadencePolicyConverter : IConverter<CadencePolicy, CadencePolicySurrogate>
{
    public CadencePolicy ConvertFromSurrogate(in CadencePolicySurrogate surrogate) =>
        new(surrogate.AtLeast, surrogate.AtMost, surrogate.MeetEvenWithoutCase);

    public CadencePolicySurrogate ConvertToSurrogate(in CadencePolicy value) =>
        new(value.AtLeast, value.AtMost, value.MeetEvenWithoutCase);
}
