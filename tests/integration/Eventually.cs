namespace Market.Tests.Integration;

internal static class Eventually
{
    /// <summary>Asks again until the answer satisfies the condition, and fails with the last answer after the timeout.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> ask, Func<T, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }
            await Task.Delay(200);
        }
    }
}
