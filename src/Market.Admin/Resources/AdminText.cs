namespace Market.Admin.Resources;

/// <summary>Marker for the Admin area's text in AdminText.resx (Spanish) and AdminText.en.resx (English).</summary>
public sealed class AdminText;
