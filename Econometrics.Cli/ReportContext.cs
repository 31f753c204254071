using System.Security.Cryptography;

namespace Econometrics.Cli;

/// <summary>What a report section can use: the shipped data, the seed, progress output and cancellation.</summary>
public sealed class ReportContext
{
    private readonly List<KeyValuePair<string, string>> _dataFiles = [];

    /// <summary>Creates a context.</summary>
    /// <param name="dataDirectory">The folder holding the shipped data sets.</param>
    /// <param name="seed">The report's seed.</param>
    /// <param name="progress">Where progress lines go (stderr).</param>
    /// <param name="cancellation">Cancels long work.</param>
    public ReportContext(string dataDirectory, int seed, TextWriter progress, CancellationToken cancellation)
    {
        DataDirectory = dataDirectory; Seed = seed; Progress = progress; Cancellation = cancellation;
    }

    /// <summary>The folder holding the shipped data sets.</summary>
    public string DataDirectory { get; }

    /// <summary>The report's seed; sections derive their own seeds from it.</summary>
    public int Seed { get; }

    /// <summary>Where progress lines go.</summary>
    public TextWriter Progress { get; }

    /// <summary>Cancels long work.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The data files used so far with their SHA-256, for the provenance header.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DataFiles => _dataFiles;

    /// <summary>The path of a shipped data file, recorded with its checksum in the provenance.</summary>
    /// <param name="relativePath">Path under <c>data/</c>, e.g. "grunfeld.csv".</param>
    /// <exception cref="FileNotFoundException">The file is not shipped.</exception>
    public string DataFile(string relativePath)
    {
        var path = Path.Combine(DataDirectory, relativePath);
        if (!File.Exists(path)) throw new FileNotFoundException($"Data file '{relativePath}' is not in {DataDirectory}.", path);
        if (_dataFiles.All(f => f.Key != relativePath))
        {
            using var stream = File.OpenRead(path);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            _dataFiles.Add(new(relativePath, $"sha256 {hash}"));
        }
        return path;
    }
}
