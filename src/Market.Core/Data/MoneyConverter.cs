using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Market.Core.Data;

internal sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Cents, c => new Money(c));
