namespace Market.Core.DemoData;

/// <summary>A short Spanish description of a demo product, from its category.</summary>
internal static class ProductDescriptions
{
    private const string Fallback = "Disponible en comercios de su zona.";

    private static readonly Dictionary<string, string> ByCategory = new(StringComparer.Ordinal)
    {
        ["canasta básica"] = "Básico de la despensa para la semana.",
        ["lácteos"] = "Fresco, se mantiene en refrigeración.",
        ["panadería"] = "Horneado cada mañana.",
        [DemoProducts.PreparedFood] = "Preparado al momento de su pedido.",
        ["frutas y verduras"] = "Fresco, de la cosecha de temporada.",
        ["carnes y embutidos"] = "Corte fresco, se entrega refrigerado.",
        ["pescados"] = "Fresco del día.",
        ["café y bebidas"] = "Sabor tradicional, de productores cercanos.",
        [DemoProducts.Drinks] = "Para refrescarse en casa.",
        ["dulces típicos"] = "Dulce típico de elaboración artesanal.",
        ["artesanías"] = "Pieza hecha a mano; cada una es única.",
        ["ropa y textiles"] = "Confección artesanal.",
        ["limpieza"] = "Para la limpieza de la casa.",
        ["plantas y flores"] = "Cultivado en vivero, listo para su jardín o balcón.",
        ["reciclados y economía circular"] = "Hecho con materiales recuperados: menos basura, más vida útil.",
    };

    public static string For(ProductRow product)
    {
        var text = ByCategory.GetValueOrDefault(product.Category, Fallback);
        return product.IsLocal ? text + " Producto local." : text;
    }
}
