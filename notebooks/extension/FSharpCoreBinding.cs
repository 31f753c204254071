using System.Reflection;
using System.Runtime.Loader;

namespace Econometrics.Interactive;

/// <summary>
/// Lets Deedle run inside a notebook host that already loaded an older FSharp.Core.
/// </summary>
/// <remarks>
/// Deedle 8.1 is compiled against FSharp.Core 10.1, but a .NET Interactive host loads its own FSharp.Core (10.0 in
/// dotnet-interactive 1.0.712001 and dotnet-repl 0.3.259) into the default load context at start-up, for its F#
/// kernel. The runtime cannot load a second FSharp.Core there, and the host's copy is the one F# cells and Deedle
/// frames built in notebook code share, so the first Deedle call failed with FileNotFoundException for
/// FSharp.Core 10.1.0.0. The default context raises <see cref="AssemblyLoadContext.Resolving"/> only when its own
/// binding fails; this handler then answers with the FSharp.Core already loaded, as a binding redirect would. Within
/// one major version FSharp.Core only adds API, so that binding is safe; another major version is left to fail.
/// </remarks>
internal static class FSharpCoreBinding
{
    private static int _installed;

    /// <summary>Installs the handler once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    /// <summary>The loaded FSharp.Core when <paramref name="name"/> asks for FSharp.Core of the same major version.</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "FSharp.Core") return null;
        var loaded = context.Assemblies
            .Where(a => a.GetName().Name == "FSharp.Core")
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        var version = loaded?.GetName().Version;
        return version is not null && (name.Version is null || version.Major == name.Version.Major) ? loaded : null;
    }
}
