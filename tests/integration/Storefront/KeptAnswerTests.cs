using Market.Web.Storefront;
using Microsoft.Extensions.Time.Testing;

namespace Market.Tests.Integration.Storefront;

/// <summary>The storefront's kept answers: one read per period, nobody waits on a reload, a forgotten answer is never served again.</summary>
public sealed class KeptAnswerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider clock = new();
    private readonly List<TaskCompletionSource<string>> reads = [];

    private KeptAnswer<string> Answer() => new(_ =>
    {
        var read = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (reads)
        {
            reads.Add(read);
        }
        return read.Task;
    }, Period, clock);

    [Fact]
    public async Task FirstReaders_WaitForOneRead_ThenTheAnswerIsKeptForThePeriod()
    {
        var answer = Answer();

        var waiting = Enumerable.Range(0, 5).Select(_ => answer.GetAsync()).ToList();
        await ReadsStartedAsync(1);
        reads[0].SetResult("primera");
        var got = await Task.WhenAll(waiting);
        clock.Advance(Period - TimeSpan.FromSeconds(1));
        var within = await answer.GetAsync();

        got.ShouldAllBe(a => a == "primera");
        within.ShouldBe("primera");
        reads.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AfterThePeriod_ReadersGetTheKeptAnswerAtOnce_WhileOneNewReadRuns()
    {
        var answer = await StaleAsync("vieja");

        var meanwhile = Enumerable.Range(0, 5).Select(_ => answer.GetAsync()).ToList();
        await ReadsStartedAsync(2);
        meanwhile.ShouldAllBe(t => t.IsCompletedSuccessfully && t.Result == "vieja");
        reads[1].SetResult("nueva");
        await EventuallyAsync(async () => await answer.GetAsync() == "nueva");

        reads.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AfterForget_ReadersWaitForANewRead_AndAReadBegunBeforeIsNotKept()
    {
        var answer = await StaleAsync("antes");
        _ = await answer.GetAsync();
        await ReadsStartedAsync(2);

        answer.Forget();
        var afterForget = answer.GetAsync();
        await ReadsStartedAsync(3);
        reads[1].SetResult("leída antes del cambio");
        afterForget.IsCompleted.ShouldBeFalse("nothing read before the change may answer after it");
        reads[2].SetResult("después");

        (await afterForget).ShouldBe("después");
        (await answer.GetAsync()).ShouldBe("después");
    }

    [Fact]
    public async Task AFailedReread_KeepsServingTheOldAnswer_AndIsTriedAgain()
    {
        var answer = await StaleAsync("buena");

        (await answer.GetAsync()).ShouldBe("buena");
        await ReadsStartedAsync(2);
        reads[1].SetException(new TimeoutException("la base no respondió"));
        await EventuallyAsync(async () =>
        {
            (await answer.GetAsync()).ShouldBe("buena");
            return reads.Count == 3;
        });
        reads[2].SetResult("otra vez buena");

        await EventuallyAsync(async () => await answer.GetAsync() == "otra vez buena");
    }

    /// <summary>An answer read once, and its period over.</summary>
    private async Task<KeptAnswer<string>> StaleAsync(string firstAnswer)
    {
        var answer = Answer();
        var first = answer.GetAsync();
        await ReadsStartedAsync(1);
        reads[0].SetResult(firstAnswer);
        await first;
        clock.Advance(Period);
        return answer;
    }

    private Task ReadsStartedAsync(int count) => EventuallyAsync(() => Task.FromResult(Count() >= count));

    private int Count()
    {
        lock (reads)
        {
            return reads.Count;
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the condition never came true");
            await Task.Delay(10);
        }
    }
}
