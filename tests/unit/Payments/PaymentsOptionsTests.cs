using System.ComponentModel.DataAnnotations;
using Market.Orders.Payments;

namespace Market.Tests.Unit.Payments;

public sealed class PaymentsOptionsTests
{
    private static List<ValidationResult> Problems(PaymentsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreValid_CardOff_ThirtyMinutes_NoCommission()
    {
        var options = new PaymentsOptions();

        Problems(options).ShouldBeEmpty();
        options.CardEnabled.ShouldBeFalse();
        options.UnpaidTimeout.ShouldBe(TimeSpan.FromMinutes(30));
        options.CommissionPercent.ShouldBe(0m);
    }

    [Fact]
    public void BothKeys_TurnTheCardOn()
    {
        var options = new PaymentsOptions { SecretKey = "sk_test_1", WebhookSecret = "whsec_1" };

        Problems(options).ShouldBeEmpty();
        options.CardEnabled.ShouldBeTrue();
    }

    [Theory]
    [InlineData("sk_test_1", null)]
    [InlineData(null, "whsec_1")]
    [InlineData("sk_test_1", "  ")]
    public void OneKeyWithoutTheOther_IsRefused(string? secretKey, string? webhookSecret)
    {
        var options = new PaymentsOptions { SecretKey = secretKey, WebhookSecret = webhookSecret };

        Problems(options).ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(PaymentsOptions.SecretKey), nameof(PaymentsOptions.WebhookSecret)]);
        options.CardEnabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:9999")]
    [InlineData("/v1")]
    public void ApiBase_MustBeAnAbsoluteHttpAddress(string apiBase)
    {
        var options = new PaymentsOptions { ApiBase = new Uri(apiBase, UriKind.RelativeOrAbsolute) };

        Problems(options).ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(PaymentsOptions.ApiBase)]);
    }

    [Theory]
    [InlineData("ftp://checkout.example")]
    [InlineData("/c/pay")]
    public void CheckoutOrigin_MustBeAnAbsoluteHttpAddress(string origin)
    {
        var options = new PaymentsOptions { CheckoutOrigin = new Uri(origin, UriKind.RelativeOrAbsolute) };

        Problems(options).ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(PaymentsOptions.CheckoutOrigin)]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void Commission_OutsideZeroToFifty_IsRefused(decimal percent) =>
        Problems(new PaymentsOptions { CommissionPercent = percent }).ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(PaymentsOptions.CommissionPercent)]);

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("2.00:00:00")]
    public void UnpaidTimeout_OutsideAMinuteToADay_IsRefused(string timeout) =>
        Problems(new PaymentsOptions { UnpaidTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) })
            .ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(PaymentsOptions.UnpaidTimeout)]);
}
