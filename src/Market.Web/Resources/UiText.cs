using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Market.Web.Resources;

/// <summary>
/// The app's text, each string looked up once per language: ResourceManager takes a lock on every lookup, and a
/// storefront page makes a hundred, so under load requests queued on it. Formats like the resource localizer.
/// </summary>
public sealed class UiText(IStringLocalizerFactory factory) : IStringLocalizer<Ui>
{
    private readonly IStringLocalizer resources = factory.Create(typeof(Ui));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (found.TryGetValue(key, out var text))
            {
                return text;
            }
            text = resources[name];
            // Only what the resources hold is kept, so the dictionary cannot grow with names nobody defined.
            return text.ResourceNotFound ? text : found.GetOrAdd(key, text);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
