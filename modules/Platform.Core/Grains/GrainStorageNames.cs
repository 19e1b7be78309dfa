namespace Platform.Core.Grains;

public static class GrainStorageNames
{
    /// <summary>The grain storage over the platform database; see <see cref="DatabaseGrainStorage"/>.</summary>
    public const string Platform = "platform";
}
