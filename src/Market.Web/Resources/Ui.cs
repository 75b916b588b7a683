namespace Market.Web.Resources;

/// <summary>Marker for the user-facing text in Ui.resx (Spanish) and Ui.en.resx (English).</summary>
public sealed class Ui;
