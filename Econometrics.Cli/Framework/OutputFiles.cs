namespace Econometrics.Cli;

/// <summary>
/// The files one run writes, staged in a private temporary folder and moved into place only by <see cref="Commit"/>,
/// after the whole run has succeeded. Disposing without committing deletes the staged files, so a failed or cancelled
/// run leaves nothing at any output path.
/// </summary>
public sealed class OutputFiles : IDisposable
{
    private readonly List<(string Staged, string Target)> _files = [];
    private string? _staging;

    /// <summary>Stages a text file.</summary>
    /// <param name="path">The final path.</param>
    /// <param name="text">The contents.</param>
    public void WriteText(string path, string text) => Write(path, staged => File.WriteAllText(staged, text));

    /// <summary>Stages a file written by <paramref name="write"/> to a temporary path with the same extension.</summary>
    /// <param name="path">The final path.</param>
    /// <param name="write">Writes the file to the path it is given.</param>
    public void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var staged = Path.Combine(Staging(), $"{_files.Count}{Path.GetExtension(path)}");
        write(staged);
        _files.Add((staged, Path.GetFullPath(path)));
    }

    /// <summary>Stages a folder written by <paramref name="write"/>; its files replace those of the same name in <paramref name="directory"/>.</summary>
    /// <param name="directory">The final folder.</param>
    /// <param name="write">Writes the folder's contents into the (empty) path it is given.</param>
    public void WriteDirectory(string directory, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var staged = Path.Combine(Staging(), $"{_files.Count}.dir");
        Directory.CreateDirectory(staged);
        write(staged);
        var target = Path.GetFullPath(directory);
        _files.Add((staged, target));
        foreach (var file in Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories))
            _files.Add((file, Path.Combine(target, Path.GetRelativePath(staged, file))));
    }

    /// <summary>Moves every staged file into place (creating folders as needed).</summary>
    public void Commit()
    {
        foreach (var (staged, target) in _files)
        {
            if (Directory.Exists(staged)) { Directory.CreateDirectory(target); continue; }
            var dir = Path.GetDirectoryName(target);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.Move(staged, target, overwrite: true);
        }
        _files.Clear();
    }

    /// <summary>Deletes whatever was staged and not committed.</summary>
    public void Dispose()
    {
        if (_staging is null) return;
        try { Directory.Delete(_staging, recursive: true); }
        catch (IOException) { /* best effort: a temporary folder, never an output path */ }
        catch (UnauthorizedAccessException) { }
        _staging = null;
    }

    /// <summary>Why <paramref name="path"/> cannot be written as an output file, or null when it can.</summary>
    /// <param name="path">The path.</param>
    public static string? FileProblem(string path)
    {
        if (Directory.Exists(path)) return $"'{path}' is a folder; give a file name.";
        if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar)) return $"'{path}' names a folder; give a file name.";
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return $"'{path}' is not a valid path."; }
        if (File.Exists(full))
        {
            try { using var _ = new FileStream(full, FileMode.Open, FileAccess.Write); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"'{path}' exists and cannot be overwritten."; }
            return null;
        }
        return FolderProblem(Path.GetDirectoryName(full), path);
    }

    /// <summary>Why <paramref name="path"/> cannot be created or written as an output folder, or null when it can.</summary>
    /// <param name="path">The path.</param>
    public static string? DirectoryProblem(string path)
    {
        if (File.Exists(path)) return $"'{path}' is a file; give a folder.";
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return $"'{path}' is not a valid path."; }
        return FolderProblem(full, path);
    }

    // The nearest existing ancestor must be a writable folder (a probe file, deleted on close, tests it).
    private static string? FolderProblem(string? folder, string path)
    {
        while (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            if (File.Exists(folder)) return $"cannot write '{path}': '{folder}' is a file, not a folder.";
            folder = Path.GetDirectoryName(folder);
        }
        if (string.IsNullOrEmpty(folder)) return $"cannot write '{path}': no existing parent folder.";
        try
        {
            using var _ = new FileStream(Path.Combine(folder, $".econ-probe-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write,
                FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"cannot write into folder '{folder}'."; }
        return null;
    }

    private string Staging()
    {
        if (_staging is null)
        {
            _staging = Path.Combine(Path.GetTempPath(), $"econ-out-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_staging);
        }
        return _staging;
    }
}
