using Market.Core.MarketDays;

namespace Market.Tests.Unit.MarketDays;

internal static class Spaces
{
    public static PublicSpace Plaza(int capacity = 40) =>
        PublicSpace.Register(1, new SpaceDetails("Plaza Libertad", PublicSpaceKind.Plaza, "Centro Histórico", 13.6975, -89.1910, capacity, null, null, null));

    public static PublicSpace Street(TimeOnly opens, TimeOnly closes) =>
        PublicSpace.Register(1, new SpaceDetails("Calle Arce", PublicSpaceKind.Calle, "Calle Arce, tramo peatonal", 13.6990, -89.1960, 30,
            StreetUse.SharedStreet, opens, closes));

    public static DayPlan Day(int year, int month, int day, int opens = 7, int closes = 13) =>
        new(new DateOnly(year, month, day), new TimeOnly(opens, 0), new TimeOnly(closes, 0));
}
