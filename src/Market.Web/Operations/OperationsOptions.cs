using System.ComponentModel.DataAnnotations;

namespace Market.Web.Operations;

/// <summary>Where operators and Prometheus reach /metrics and the detailed /health/ready: never the site's own addresses.</summary>
public sealed class OperationsOptions : IValidatableObject
{
    public const string Section = "Operations";

    /// <summary>Addresses separated by ';'. Loopback by default so that nothing internal is public; empty turns the listener off.</summary>
    public string ManagementUrls { get; set; } = "http://127.0.0.1:5081";

    public IReadOnlyList<string> Urls => ManagementUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in Urls)
        {
            if (!IsBindable(url))
            {
                yield return new ValidationResult($"'{url}' is not an address Kestrel can listen on (like http://127.0.0.1:5081).", [nameof(ManagementUrls)]);
            }
        }
    }

    private static bool IsBindable(string url)
    {
        try
        {
            return BindingAddress.Parse(url).Scheme is "http" or "https";
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
