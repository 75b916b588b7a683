using Market.Core.Catalog;

namespace Market.Tests.Unit.Catalog;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Canasta básica", "canasta-basica")]
    [InlineData("Frutas y verduras", "frutas-y-verduras")]
    [InlineData("  Piña  y  Ñame ", "pina-y-name")]
    [InlineData("Pupusas & comida", "pupusas-comida")]
    [InlineData("¡¿?!", "")]
    public void From_DropsAccentsAndPunctuation_AndJoinsWordsWithDashes(string text, string slug) =>
        Slug.From(text).ShouldBe(slug);
}
