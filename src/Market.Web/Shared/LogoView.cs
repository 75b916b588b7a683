namespace Market.Web.Shared;

/// <summary>
/// A shop's logo at a fixed square size. Only its hash is kept, not its proportions, so the box is square and
/// the picture is fitted inside it: the page does not jump whatever shape the logo is.
/// </summary>
public sealed record LogoView(string Hash, int Size);
