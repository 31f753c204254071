using Microsoft.DotNet.Interactive;

namespace Econometrics.Interactive;

/// <summary>
/// Loaded by the notebook host when a cell references Econometrics.Core (directly or through Econometrics.Causal)
/// with <c>#r "nuget:"</c>: binds F# library references to the host's FSharp.Core and registers the formatters.
/// </summary>
public sealed class EconometricsKernelExtension : IKernelExtension
{
    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        FSharpCoreBinding.Install();
        NotebookFormatters.Register();
        return Task.CompletedTask;
    }
}
