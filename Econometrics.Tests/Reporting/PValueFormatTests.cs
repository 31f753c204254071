using Econometrics.Reporting;

namespace Econometrics.Tests.Reporting;

public class PValueFormatTests
{
    // Expected strings are R 4.2's format.pval(p, digits = 3), checked with Rscript; the floor prints as "< 2.2e-16"
    // (R writes eps with the same three digits, "<2e-16").
    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(0.123456, "0.123")]
    [InlineData(0.0312, "0.0312")]
    [InlineData(0.00123456, "0.00123")]
    [InlineData(0.000123456, "0.000123")]
    [InlineData(1e-4, "1e-04")]
    [InlineData(1.7e-14, "1.7e-14")]
    [InlineData(6.8156e-20, "< 2.2e-16")]
    [InlineData(0.0, "< 2.2e-16")]
    [InlineData(1.0, "1")]
    [InlineData(0.99999, "1")]
    public void Formats_like_R_format_pval(double p, string expected) => Assert.Equal(expected, PValueFormat.Format(p));

    [Fact]
    public void Nan_prints_empty() => Assert.Equal("", PValueFormat.Format(double.NaN));

    [Fact]
    public void Cells_use_the_one_formatter() => Assert.Equal("< 2.2e-16", Cell.PValue(1e-300).ToString());
}
