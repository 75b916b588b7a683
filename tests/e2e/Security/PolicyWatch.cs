using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Market.Tests.E2e.Security;

/// <summary>
/// What Chromium refused on every page of one browser context (the pages' securitypolicyviolation events, and the console's
/// CSP and Permissions-Policy messages), and the WebSockets those pages opened.
/// </summary>
public sealed class PolicyWatch
{
    private static readonly string[] PolicyMessages = ["Content Security Policy", "Refused to", "Permissions policy", "Permissions-Policy"];

    private readonly ConcurrentQueue<string> refused = new();
    private readonly ConcurrentQueue<string> webSockets = new();

    public IReadOnlyCollection<string> Refused => refused;

    public IReadOnlyCollection<string> WebSockets => webSockets;

    public static async Task<PolicyWatch> StartAsync(IBrowserContext context)
    {
        var watch = new PolicyWatch();
        await context.ExposeFunctionAsync("e2eRefused", (string violation) => watch.refused.Enqueue(violation));
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.e2eRefused(`${location.pathname}: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'}`));
            """);
        context.Console += (_, message) =>
        {
            if (PolicyMessages.Any(m => message.Text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                watch.refused.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
        context.Page += (_, page) => page.WebSocket += (_, socket) => watch.webSockets.Enqueue(socket.Url);
        return watch;
    }
}
