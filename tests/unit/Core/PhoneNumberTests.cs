using Market.Core;

namespace Market.Tests.Unit.Core;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+503 7000-1234", "+50370001234")]
    [InlineData("70001234", "+50370001234")]
    [InlineData("503 2222 3333", "+50322223333")]
    [InlineData("(503) 6123-4567", "+50361234567")]
    [InlineData("+50322223333", "+50322223333")]
    [InlineData(" 2222-3333 ", "+50322223333")]
    public void TryNormalize_SalvadoranNumber_GivesPlus503AndEightDigits(string text, string expected)
    {
        PhoneNumber.TryNormalize(text, out var normalized).ShouldBeTrue();

        normalized.ShouldBe(expected);
    }

    [Theory]
    [InlineData("7000123")]
    [InlineData("700012345")]
    [InlineData("+503 7000-123")]
    [InlineData("10001234")]
    [InlineData("30001234")]
    [InlineData("40001234")]
    [InlineData("50001234")]
    [InlineData("80001234")]
    [InlineData("90001234")]
    [InlineData("+503 5000-1234")]
    [InlineData("+1 7000 1234")]
    [InlineData("siete mil")]
    [InlineData("7OOO-1234")]
    [InlineData("ana70001234@correo.sv")]
    [InlineData("tel 70001234")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryNormalize_NotASalvadoranNumber_IsRefused(string? text)
    {
        PhoneNumber.TryNormalize(text, out var normalized).ShouldBeFalse();

        normalized.ShouldBeEmpty();
    }
}
