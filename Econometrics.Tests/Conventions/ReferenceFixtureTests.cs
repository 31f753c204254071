using System.Reflection;
using System.Text.Json;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.Conventions;

/// <summary>
/// One theory over every <c>Reference/**/expected.json</c>: each fixture loads through <see cref="ReferenceFixture"/>,
/// states where its numbers came from, states numeric tolerances (text only in notes), has its generating script
/// committed beside it or in its capability folder, and is claimed by a test class that compares the toolkit with it.
/// </summary>
public class ReferenceFixtureTests
{
    public static TheoryData<string> Fixtures() => new(ReferenceFixture.All());

    private static readonly string[] Claimed = typeof(ReferenceFixtureTests).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<VerifiesFixturesAttribute>()).SelectMany(a => a.Prefixes).ToArray();

    [Fact]
    public void There_are_fixtures_for_every_capability()
    {
        var capabilities = ReferenceFixture.All().Select(r => r.Split('/')[0]).Distinct().ToHashSet();
        Assert.Superset(new HashSet<string> { "Compositional", "Inference", "Invariance", "Mixtures", "Panel", "Sem" }, capabilities);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_is_well_formed_generated_by_a_committed_script_and_verified(string name)
    {
        var f = ReferenceFixture.Load(name);
        Assert.False(string.IsNullOrWhiteSpace(f.Source), $"{name}: no source");
        Assert.Equal(JsonValueKind.String, f.Root.GetProperty("call").ValueKind);
        Assert.Equal(JsonValueKind.Object, f.Expected.ValueKind);
        Assert.NotEmpty(f.Expected.EnumerateObject());

        var tolerances = f.Root.GetProperty("tolerance").EnumerateObject().ToList();
        Assert.Contains(tolerances, t => t.Value.ValueKind == JsonValueKind.Number);
        foreach (var t in tolerances)
        {
            if (t.Name.Contains("note", StringComparison.OrdinalIgnoreCase)) continue;
            Assert.True(t.Value.ValueKind == JsonValueKind.Number, $"{name}: tolerance '{t.Name}' must be a number (text goes in a note)");
            double v = t.Value.GetDouble();
            Assert.True(double.IsFinite(v) && v >= 0, $"{name}: tolerance '{t.Name}' = {v}");
            // A Monte Carlo band is stated in standard errors; every other tolerance is a numerical agreement.
            if (!t.Name.EndsWith("Sigmas", StringComparison.Ordinal)) Assert.True(v <= 0.1, $"{name}: tolerance '{t.Name}' = {v} is not an agreement");
        }

        string capability = Path.Combine(ReferenceFixture.FixturesRoot, name.Split('/')[0]);
        bool Script(string dir) => Directory.EnumerateFiles(dir, "generate.*").Any(s => s.EndsWith(".R", StringComparison.Ordinal) || s.EndsWith(".py", StringComparison.Ordinal));
        Assert.True(Script(f.Directory) || Script(capability), $"{name}: no generate.R or generate.py beside it or in {capability}");

        Assert.True(Claimed.Any(p => name.StartsWith(p, StringComparison.Ordinal)),
            $"{name}: no test class carries [VerifiesFixtures] for it, so nothing compares the toolkit with it");
    }

    [Fact]
    public void Every_claim_names_an_existing_fixture()
    {
        var all = ReferenceFixture.All().ToArray();
        foreach (var p in Claimed) Assert.True(all.Any(r => r.StartsWith(p, StringComparison.Ordinal)), $"[VerifiesFixtures(\"{p}\")] matches no fixture");
    }
}
