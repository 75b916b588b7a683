using System.Runtime.CompilerServices;

namespace Market.Tests.Integration;

internal static class Eventually
{
    /// <summary>Asks again until the answer satisfies the condition; after the timeout it fails, saying what it waited for and the last answer.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> ask, Func<T, bool> done, int seconds = 30,
        [CallerArgumentExpression(nameof(done))] string waitingFor = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for {waitingFor}; the last answer was {answer}.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Checks a condition again and again for a quiet period after it first held (exactly one push, say), failing as soon as it breaks.</summary>
    public static async Task StaysFor<T>(Func<T> look, Func<T, bool> holds, TimeSpan quiet,
        [CallerArgumentExpression(nameof(holds))] string holding = "")
    {
        var until = DateTime.UtcNow + quiet;
        do
        {
            var seen = look();
            if (!holds(seen))
            {
                throw new InvalidOperationException($"Expected {holding} to hold for {quiet.TotalSeconds} s; it broke with {seen}.");
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
    }
}
