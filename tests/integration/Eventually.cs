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
}
