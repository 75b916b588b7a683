using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Market.Web.Operations;

/// <summary>The management listener's readiness body: the overall status and each check's, so an operator sees which dependency failed.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds),
            }),
        }, JsonSerializerOptions.Web, context.RequestAborted);
}
