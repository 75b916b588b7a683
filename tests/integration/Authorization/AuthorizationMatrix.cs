using System.Globalization;
using Market.Tests.Integration.Media;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Support;

namespace Market.Tests.Integration.Authorization;

/// <summary>Who may call an endpoint, and which resources of theirs it acts on.</summary>
public enum Access
{
    /// <summary>Anybody; the endpoint acts on the caller's own browser (cart, location, sign-in) or makes something new of theirs.</summary>
    Anyone,

    /// <summary>Any signed-in account, on itself only.</summary>
    SignedIn,

    /// <summary>The owner of the shop the resource belongs to.</summary>
    OwnShop,

    /// <summary>The vendor whose stall application it is.</summary>
    OwnStall,

    /// <summary>Any shopkeeper, for their own market-vendor shop.</summary>
    AnyShopkeeper,

    /// <summary>Municipal staff of the resource's municipality, and metropolitan staff.</summary>
    OwnMunicipality,

    /// <summary>Metropolitan staff only: rules and accounts that concern all municipalities.</summary>
    Metro,

    /// <summary>Whoever holds the order's code (about 84 random bits); a made-up code finds nothing.</summary>
    OrderCode,

    /// <summary>Stripe, proven by the signature of the body.</summary>
    StripeSignature,
}

/// <summary>One call: a form (with a file, as multipart), a JSON body, or a raw body with headers.</summary>
public sealed record MatrixCall(string Path, IReadOnlyDictionary<string, string>? Form = null, (string Field, byte[] Bytes, string Type)? File = null,
    string? Json = null, string? Raw = null);

/// <param name="Call">What the allowed actor would send, aimed at someone's resource; null for rows nobody is refused.</param>
/// <param name="Refused">What a refused actor sends, when it differs (a made-up order code).</param>
/// <param name="Changes">Whether the allowed actor's call is expected to change what is stored: the proof that a refusal means something.</param>
public sealed record MatrixRow(string Endpoint, Access Access, Func<MatrixWorld, MatrixCall>? Call = null, Func<MatrixWorld, MatrixCall>? Refused = null,
    bool Changes = true)
{
    /// <summary>Everyone but the allowed ones; the account owner only makes the calls on its own account.</summary>
    public IReadOnlyList<Actor> RefusedActors => Access switch
    {
        Access.Anyone => [],
        Access.SignedIn => [Actor.Anonymous],
        Access.OwnShop => Except(Actor.Shopkeeper),
        Access.OwnStall => Except(Actor.OtherShopkeeper),
        Access.AnyShopkeeper => Except(Actor.Shopkeeper, Actor.OtherShopkeeper),
        Access.OwnMunicipality => Except(Actor.MunicipalStaff, Actor.MetroStaff),
        Access.Metro => Except(Actor.MetroStaff),
        _ => Except(),
    };

    private static Actor[] Except(params Actor[] allowed) => [.. Enum.GetValues<Actor>().Where(a => a != Actor.AccountOwner && !allowed.Contains(a))];

    public Actor Allowed => Access switch
    {
        Access.OwnShop => Actor.Shopkeeper,
        Access.OwnStall or Access.AnyShopkeeper => Actor.OtherShopkeeper,
        Access.OwnMunicipality => Actor.MunicipalStaff,
        Access.Metro => Actor.MetroStaff,
        Access.SignedIn => Actor.AccountOwner,
        _ => Actor.Anonymous,
    };
}

/// <summary>
/// Every mutating endpoint and hub method of the app, with who may call it and how its resource is scoped. A new endpoint
/// without a row here fails <see cref="AuthorizationMatrixTests.EveryMutatingEndpoint_AndHubMethod_HasARow"/>.
/// </summary>
public static class AuthorizationMatrix
{
    public const string MadeUpCode = "MC-ZZZZZZZZZZZZZZZZZ";

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // The caller's own browser and account, or something new of the caller's.
        new("POST /cuenta/ingresar", Access.Anyone),
        new("POST /cuenta/ingresar/codigo", Access.Anyone),
        new("POST /cuenta/salir", Access.Anyone),
        new("POST /cuenta/registro", Access.Anyone),
        new("POST /cuenta/codigo", Access.Anyone),
        new("POST /mi-tienda/registrar", Access.Anyone),
        new("POST /ubicacion", Access.Anyone),
        new("POST /ubicacion/olvidar", Access.Anyone),
        new("POST /carrito/agregar", Access.Anyone),
        new("POST /carrito/cambiar", Access.Anyone),
        new("POST /checkout", Access.Anyone),
        new("POST /api/pedidos", Access.Anyone),

        new("POST /cuenta/seguridad/contrasena", Access.SignedIn, _ => Form("/cuenta/seguridad/contrasena", ("current", MarketHost.Password), ("password", "una frase nueva y larga"))),
        new("POST /cuenta/seguridad/autenticador", Access.SignedIn, _ => Form("/cuenta/seguridad/autenticador", ("code", "000000")), Changes: false),
        new("POST /cuenta/seguridad/codigos", Access.SignedIn, _ => Form("/cuenta/seguridad/codigos"), Changes: false),
        new("POST /cuenta/seguridad/autenticador/quitar", Access.SignedIn, _ => Form("/cuenta/seguridad/autenticador/quitar")),
        new("POST /cuenta/seguridad/cerrar-sesiones", Access.SignedIn, _ => Form("/cuenta/seguridad/cerrar-sesiones")),

        new("POST /pedidos/{code}/cancelar", Access.OrderCode, w => Form($"/pedidos/{w.ResidentOrder}/cancelar", ("reason", "Ya no lo necesito")),
            _ => Form($"/pedidos/{MadeUpCode}/cancelar", ("reason", "Ya no lo necesito"))),
        new("POST /pedidos/{code}/pagar", Access.OrderCode, w => Form($"/pedidos/{w.ResidentOrder}/pagar"), _ => Form($"/pedidos/{MadeUpCode}/pagar"), Changes: false),
        new("POST /pedidos/{code}/efectivo", Access.OrderCode, w => Form($"/pedidos/{w.ResidentOrder}/efectivo"), _ => Form($"/pedidos/{MadeUpCode}/efectivo"), Changes: false),
        new("POST /pagos/stripe/webhook", Access.StripeSignature, _ => new("/pagos/stripe/webhook", Raw: """{"id":"evt_1","type":"checkout.session.completed","data":{"object":{}}}"""), Changes: false),

        // Tere's shop: her shop, products, photos, imports and orders.
        new("POST /mi-tienda/{id:int}/editar", Access.OwnShop, w => Form($"/mi-tienda/{w.TereShop}/editar", ShopFields(w, "Tienda Doña Tere " + Guid.NewGuid().ToString("N")[..4]))),
        new("POST /mi-tienda/{id:int}/pausar", Access.OwnShop, w => Form($"/mi-tienda/{w.TereShop}/pausar")),
        new("POST /mi-tienda/{id:int}/reanudar", Access.OwnShop, w => Form($"/mi-tienda/{w.TereShop}/reanudar")),
        new("POST /mi-tienda/{id:int}/logo", Access.OwnShop, w => new($"/mi-tienda/{w.TereShop}/logo", Form: new Dictionary<string, string>(), File: ("logo", SamplePhotos.Jpeg(200, 200), "image/jpeg"))),
        new("POST /tienda/catalogo/nuevo", Access.OwnShop, w => Form("/tienda/catalogo/nuevo", ProductFields(w, "Producto de la matriz " + Guid.NewGuid().ToString("N")[..6]))),
        new("POST /tienda/catalogo/{id:int}", Access.OwnShop, w => Form($"/tienda/catalogo/{w.TereProduct}", ProductFields(w, "Producto cambiado " + Guid.NewGuid().ToString("N")[..6]))),
        new("POST /tienda/catalogo/{id:int}/rapido", Access.OwnShop, w => Form($"/tienda/catalogo/{w.TereProduct}/rapido",
            ("price", "9.99"), ("tracksStock", "true"), ("stock", "321"), ("tienda", Id(w.TereShop)))),
        new("POST /tienda/catalogo/{id:int}/fotos", Access.OwnShop, w => new($"/tienda/catalogo/{w.TereProduct}/fotos", Form: new Dictionary<string, string>(),
            File: ("foto", SamplePhotos.Jpeg(300, 200), "image/jpeg"))),
        new("POST /tienda/catalogo/{id:int}/fotos/{photoId:int}/{change}", Access.OwnShop, w => Form($"/tienda/catalogo/{w.TereProduct}/fotos/{w.TerePhoto}/Remove")),
        new("POST /tienda/catalogo/importar", Access.OwnShop, w => new("/tienda/catalogo/importar", Form: new Dictionary<string, string> { ["tienda"] = Id(w.TereShop) },
            File: ("archivo", System.Text.Encoding.UTF8.GetBytes(CatalogCsv.CsvImports.Header + $"\nMAT-1,Dulce de la matriz,,{w.CategoryName},unidad,1.25,10,si,no\n"), "text/csv"))),
        new("POST /tienda/pedidos/{code}/{step}", Access.OwnShop, w => Form($"/tienda/pedidos/{w.InboxOrder}/Accept")),
        new("POST /api/pedidos/{code}/{step}", Access.OwnShop, w => new($"/api/pedidos/{w.ApiOrder}/Accept", Json: "{}")),

        // Chepe's stall applications, and applying with one's own vendor shop.
        new("POST /mis-puestos/jornadas/{id:int}/solicitar", Access.AnyShopkeeper, w => Form($"/mis-puestos/jornadas/{w.DayToApplyFor}/solicitar")),
        new("POST /mis-puestos/series/{id:int}/solicitar", Access.AnyShopkeeper, w => Form($"/mis-puestos/series/{w.SeriesToApplyFor}/solicitar")),
        new("POST /mis-puestos/{id:int}/retirar", Access.OwnStall, w => Form($"/mis-puestos/{w.ChepesPendingApplication}/retirar")),
        new("POST /mis-puestos/{id:int}/aceptar", Access.OwnStall, w => Form($"/mis-puestos/{w.ChepesOffer}/aceptar")),

        // San Salvador's shops, spaces, days and stalls.
        new("POST /admin/tiendas/{id:int}/aprobar", Access.OwnMunicipality, w => Form($"/admin/tiendas/{w.PendingShop}/aprobar")),
        new("POST /admin/tiendas/{id:int}/rechazar", Access.OwnMunicipality, w => Form($"/admin/tiendas/{w.PendingShopToReject}/rechazar", ("reason", "Falta la dirección exacta"))),
        new("POST /admin/tiendas/{id:int}/suspender", Access.OwnMunicipality, w => Form($"/admin/tiendas/{w.ActiveShop}/suspender", ("reason", "Queja comprobada"))),
        new("POST /admin/tiendas/{id:int}/reactivar", Access.OwnMunicipality, w => Form($"/admin/tiendas/{w.SuspendedShop}/reactivar")),
        new("POST /admin/tiendas/{id:int}/codigo", Access.OwnMunicipality, w => Form($"/admin/tiendas/{w.VendorWithoutPassword}/codigo")),
        new("POST /admin/tiendas/nueva", Access.OwnMunicipality, w => Form("/admin/tiendas/nueva", new Dictionary<string, string>(ShopFields(w, "Vendedor de la matriz " + Guid.NewGuid().ToString("N")[..6]))
        {
            ["VendorName"] = "Vendedor Matriz",
            ["VendorPhone"] = OnboardingForms.NewPhone(),
        })),
        new("POST /admin/mercados/espacios/nuevo", Access.OwnMunicipality, w => Form("/admin/mercados/espacios/nuevo", SpaceFields(w, "Cancha de la matriz " + Guid.NewGuid().ToString("N")[..6]))),
        new("POST /admin/mercados/espacios/{id:int}/editar", Access.OwnMunicipality, w => Form($"/admin/mercados/espacios/{w.Space}/editar", SpaceFields(w, "Plaza cambiada " + Guid.NewGuid().ToString("N")[..6]))),
        new("POST /admin/mercados/espacios/{id:int}/series", Access.OwnMunicipality, w => Form($"/admin/mercados/espacios/{w.Space}/series",
            ("Pattern", "Dates"), ("Dates", Day(MatrixWorld.Today.AddDays(60))), ("Opens", "07:00"), ("Closes", "12:00"))),
        new("POST /admin/mercados/jornadas/{id:int}/cancelar", Access.OwnMunicipality, w => Form($"/admin/mercados/jornadas/{w.DayToCancel}/cancelar", ("reason", "Lluvia fuerte"))),
        new("POST /admin/mercados/jornadas/{id:int}/mover", Access.OwnMunicipality, w => Form($"/admin/mercados/jornadas/{w.DayToMove}/mover",
            ("Date", Day(MatrixWorld.Today.AddDays(45))), ("Opens", "08:00"), ("Closes", "12:00"), ("Reason", "Evento en la plaza"))),
        new("POST /admin/mercados/solicitudes/{id:int}/aprobar", Access.OwnMunicipality, w => Form($"/admin/mercados/solicitudes/{w.ApplicationToApprove}/aprobar")),
        new("POST /admin/mercados/solicitudes/{id:int}/espera", Access.OwnMunicipality, w => Form($"/admin/mercados/solicitudes/{w.ApplicationToWaitList}/espera")),
        new("POST /admin/mercados/solicitudes/{id:int}/rechazar", Access.OwnMunicipality, w => Form($"/admin/mercados/solicitudes/{w.ApplicationToReject}/rechazar", ("reason", "Cupo lleno"))),
        new("POST /admin/mercados/solicitudes/{id:int}/pagado", Access.OwnMunicipality, w => Form($"/admin/mercados/solicitudes/{w.ApplicationToMarkPaid}/pagado")),

        // Metropolitan rules and accounts.
        new("POST /admin/mercados/limites/{municipalityId:int}", Access.Metro, w => Form($"/admin/mercados/limites/{w.SanSalvador}",
            ("maxDaysPerMonth", "12"), ("maxConsecutiveDays", "3"), ("stallFee", "1.50"))),
        new("POST /admin/categorias", Access.Metro, _ => Form("/admin/categorias", ("name", "Matriz " + Guid.NewGuid().ToString("N")[..6]))),
        new("POST /admin/categorias/{id:int}", Access.Metro, w => Form($"/admin/categorias/{w.Category}", ("name", "Renombrada " + Guid.NewGuid().ToString("N")[..6]))),
        new("POST /admin/seguridad/esperas/quitar", Access.Metro, w => Form("/admin/seguridad/esperas/quitar", ("login", w.ThrottledLogin), ("address", "198.18.0.9"))),
        new("POST /admin/seguridad/personal/{id}/segundo-factor", Access.Metro, w => Form($"/admin/seguridad/personal/{w.OtherStaffAccount}/segundo-factor", ("required", "true"))),
        new("POST /admin/seguridad/personal/{id}/cerrar-sesiones", Access.Metro, w => Form($"/admin/seguridad/personal/{w.OtherStaffAccount}/cerrar-sesiones")),
    ];

    /// <summary>The hub's methods: following an order needs its code, following a shop needs to own it.</summary>
    public static readonly IReadOnlyDictionary<string, Access> HubMethods = new Dictionary<string, Access>
    {
        ["FollowOrder"] = Access.OrderCode,
        ["FollowShop"] = Access.OwnShop,
    };

    private static MatrixCall Form(string path, params (string Name, string Value)[] fields) =>
        new(path, fields.ToDictionary(f => f.Name, f => f.Value));

    private static MatrixCall Form(string path, Dictionary<string, string> fields) => new(path, fields);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ProductFields(MatrixWorld w, string name) => new()
    {
        ["ShopId"] = Id(w.TereShop),
        ["Name"] = name,
        ["CategoryId"] = Id(w.Category),
        ["Unit"] = "unidad",
        ["Price"] = "2.35",
        ["TracksStock"] = "true",
        ["Stock"] = "40",
        ["IsActive"] = "true",
    };

    private static Dictionary<string, string> SpaceFields(MatrixWorld w, string name) => new()
    {
        ["MunicipalityId"] = Id(w.SanSalvador),
        ["Name"] = name,
        ["Kind"] = "Plaza",
        ["Address"] = "Frente a la alcaldía",
        ["Latitude"] = "13.6989",
        ["Longitude"] = "-89.1914",
        ["Capacity"] = "20",
    };

    private static Dictionary<string, string> ShopFields(MatrixWorld w, string name) => new(w.ShopTemplate) { ["Shop.Name"] = name };
}
