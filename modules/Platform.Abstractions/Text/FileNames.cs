using System.Text;

namespace Platform.Abstractions.Text;

/// <summary>
/// The name an uploaded file is kept and offered for download under. What a browser or a script sends is cleaned, not
/// refused: control characters and invisible format characters go (U+202E would show <c>‮gnp.exe</c> as
/// <c>exe.png</c>, U+200B would make two names look alike), so do the folders of a path and the characters Windows
/// cannot save, and a name left empty becomes <see cref="Default"/>.
/// </summary>
public static class FileNames
{
    /// <summary>The longest name kept, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>The name of a file whose name is left empty.</summary>
    public const string Default = "資料";

    private const string NotSavable = "<>:\"|?*";

    /// <summary>The name as it is stored and offered for download.</summary>
    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (InvisibleCharacters.Is(c))
                continue;
            builder.Append(NotSavable.Contains(c) ? '_' : c);
        }
        // Windows drops trailing dots and spaces, and a name of dots alone is a folder to some tools.
        var cleaned = builder.ToString().Trim().TrimEnd('.').Trim();
        if (cleaned.Trim('.').Length == 0)
            return Default;
        return Shorten(cleaned);
    }

    // Keeps the extension, which tells the reader's computer what opens the file, and never splits a surrogate pair.
    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
            return name;
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name[dot..] : "";
        var keep = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
            keep--;
        return name[..keep] + extension;
    }
}
