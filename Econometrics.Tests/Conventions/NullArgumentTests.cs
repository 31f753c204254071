using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Econometrics.Tests.Conventions;

/// <summary>
/// Every public method and constructor of Core and Causal that takes a reference parameter declared non-nullable
/// throws <see cref="ArgumentNullException"/> naming one of those parameters when given nulls (never a
/// NullReferenceException from deep inside, and never a result). Instance methods are called on an instance from the
/// public parameterless constructor (the estimators' option records) or else on an uninitialized one, so the guard must
/// come before the method reads its own state.
/// </summary>
/// <remarks>
/// Two kinds of constructor are exempt, on purpose:
/// <list type="bullet">
/// <item>Exceptions: by the <see cref="Exception"/> convention a null message means the default one.</item>
/// <item>Positional records that are output data: a <see cref="Result"/> and every record reachable from a result's
/// public properties (rows, tests, diagnostics). The library builds them from values it computed, users only read
/// them, and <c>ResultConventionTests</c> checks their content; records users build as input (estimators, formulas,
/// interventions, simulation parameters) are checked.</item>
/// </list>
/// </remarks>
public sealed class NullArgumentTests
{
    private static readonly Assembly[] Libraries =
        [typeof(global::Econometrics.Composition).Assembly, typeof(global::Econometrics.Causal.Invariance.Environments).Assembly];

    private static readonly HashSet<string> Synthesized =
        ["Equals", "GetHashCode", "ToString", "Deconstruct", "<Clone>$", "PrintMembers", "GetType", "Dispose"];

    [Fact]
    public async Task Public_entry_points_reject_null_with_an_ArgumentNullException_naming_the_parameter()
    {
        var nullability = new NullabilityInfoContext();
        var outputs = OutputRecords();
        var failures = new List<string>();
        int checkedCount = 0;
        foreach (var type in Libraries.SelectMany(a => a.GetExportedTypes())
                     .Where(t => !t.IsGenericTypeDefinition && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t) && !t.IsEnum))
        {
            object? instance = null;
            bool created = false;
            bool exemptConstructors = typeof(Exception).IsAssignableFrom(type) || outputs.Contains(type);
            IEnumerable<MethodBase> members = type.GetConstructors().Where(_ => !exemptConstructors).Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !Synthesized.Contains(m.Name)));
            foreach (var member in members)
            {
                var ps = member.GetParameters();
                if (ps.Any(p => p.ParameterType is { IsByRef: true } or { IsPointer: true } or { IsByRefLike: true } or { ContainsGenericParameters: true }))
                    continue;
                var required = ps.Where(p => !p.ParameterType.IsValueType && nullability.Create(p).WriteState == NullabilityState.NotNull).ToList();
                if (required.Count == 0) continue;
                if (member is MethodInfo { IsStatic: false })
                {
                    if (!created) { instance = TryCreate(type); created = true; }
                    if (instance is null) continue;
                }
                var args = ps.Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
                checkedCount++;
                // A thread of its own: a pool task could wait behind other tests' parallel bootstraps for longer than the limit.
                var call = Task.Factory.StartNew(() => Outcome(member, instance, args), CancellationToken.None, TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
                if (await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10))) != call)
                {
                    failures.Add($"{Describe(member)}: did not return within 10 s");
                    continue;
                }
                var thrown = await call;
                if (thrown is ArgumentNullException ane && required.Any(p => p.Name == ane.ParamName)) continue;
                failures.Add($"{Describe(member)}: " + (thrown is null ? "no exception"
                    : $"{thrown.GetType().Name}({(thrown as ArgumentException)?.ParamName}): {thrown.Message.Split('\n')[0]}"));
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} entry points were checked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} entry points:\n" + string.Join("\n", failures));
    }

    // Records only the library builds: those reachable, through public properties, arrays and generic arguments, from
    // results and from what public methods of other types return, and never taken as a parameter by a method or a
    // non-record constructor of another type.
    private static HashSet<Type> OutputRecords()
    {
        var types = Libraries.SelectMany(a => a.GetExportedTypes()).ToList();
        IEnumerable<MethodBase> Members(Type t) => t.GetConstructors().Cast<MethodBase>().Concat(t.GetMethods(BindingFlags.Public |
            BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && !Synthesized.Contains(m.Name)));
        // A record's own constructor only stores its parts, so taking a type there does not make it an input.
        var inputs = new HashSet<Type>(types.SelectMany(t => Members(t).Where(m => !(m is ConstructorInfo && IsRecord(t))).SelectMany(m => m.GetParameters()
            .SelectMany(p => Parts(p.ParameterType)).Where(p => p != t))));
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(types.Where(t => typeof(Result).IsAssignableFrom(t))
            .Concat(types.SelectMany(t => Members(t).OfType<MethodInfo>().SelectMany(m => Parts(m.ReturnType)).Where(r => r != t))));
        while (pending.TryPop(out var type))
            foreach (var part in Parts(type))
            {
                if (!Libraries.Contains(part.Assembly) || !IsRecord(part) || inputs.Contains(part) || !found.Add(part)) continue;
                foreach (var p in part.GetProperties(BindingFlags.Public | BindingFlags.Instance)) pending.Push(p.PropertyType);
            }
        return found;
    }

    // A type and, for arrays and constructed generics, the types it is made of.
    private static IEnumerable<Type> Parts(Type type) =>
        type.IsArray || type.IsByRef ? Parts(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Parts)
        : [type];

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static Exception? Outcome(MethodBase member, object? instance, object?[] args)
    {
        try
        {
            var result = member is ConstructorInfo c ? c.Invoke(args) : member.Invoke(instance, args);
            // Lazy sequences must check their arguments when called, not when first enumerated.
            if (result is IEnumerable sequence and not string) sequence.GetEnumerator().MoveNext();
            return null;
        }
        catch (TargetInvocationException e) { return e.InnerException; }
        catch (Exception e) { return e; }
    }

    private static object? TryCreate(Type type)
    {
        if (type.IsAbstract) return null;
        // Without a parameterless constructor, an uninitialized instance: a guard that comes first still fires.
        if (type.GetConstructor(Type.EmptyTypes) is null) return RuntimeHelpers.GetUninitializedObject(type);
        try { return Activator.CreateInstance(type); }
        catch (TargetInvocationException) { return null; }
    }

    private static string Describe(MethodBase m) =>
        $"{m.DeclaringType!.FullName}.{(m is ConstructorInfo ? "ctor" : m.Name)}" +
        $"({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})";
}
