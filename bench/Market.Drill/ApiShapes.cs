
namespace Market.Drill;

// The hub's OrderUpdate, only the fields the drill uses; the API shapes come from Market.Bench (linked).
internal sealed record UpdateDto(string Code, long EventId, int Sequence, string Status);
