using Microsoft.Playwright;

namespace Market.Tests.E2e.Phone;

/// <summary>
/// Looks at a page as a person on a small phone meets it: nothing wider than the screen, every tap target big enough and
/// not covered by something else, and no serious or critical axe-core finding. Each check answers a list of problems.
/// </summary>
public static class PhoneCheck
{
    public const int MinTarget = 44;

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(
        Environment.GetEnvironmentVariable("MARKET_AXE") ?? Path.Combine(Screenshots.RepositoryRoot(), ".tools", "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> HorizontalScrollAsync(IPage page) => await page.EvaluateAsync<string[]>(
        """
        () => {
          const inner = window.innerWidth, scroll = document.documentElement.scrollWidth;
          if (scroll <= inner) return [];
          // Name the innermost element that sticks out, outside boxes that scroll on their own.
          let widest = '';
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > inner + 1 && !el.closest('.scroll-x')) widest = el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 40) + '" ends at ' + Math.round(r.right) + 'px';
          }
          return [`scrolls sideways: ${scroll}px wide on a ${inner}px screen (${widest})`];
        }
        """);

    /// <summary>
    /// Every control and every link that stands on its own is at least 44×44 px and is what a tap at its centre reaches.
    /// Links inside a sentence are exempt, as WCAG 2.5.8 exempts them: they cannot grow without breaking the text.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TapTargetsAsync(IPage page, string within = "body")
    {
        var problems = await page.EvaluateAsync<string[]>(
            """
            ([min, within]) => {
              const problems = [];
              const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
              for (const el of document.querySelector(within).querySelectorAll(selector)) {
                const target = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
                const first = target.getBoundingClientRect();
                if (first.width <= 1 || first.height <= 1 || !target.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
                if (el.tagName === 'A' && inSentence(el)) continue;
                target.scrollIntoView({ block: 'center', inline: 'center' });
                const r = target.getBoundingClientRect();
                const name = describe(el);
                if (r.width < min - 0.5 || r.height < min - 0.5) problems.push(`${name} is ${Math.round(r.width)}×${Math.round(r.height)}px`);
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                const labels = el.labels ? [...el.labels] : [];
                if (hit && !target.contains(hit) && !labels.some(l => l.contains(hit))) problems.push(`${name} is covered at its centre by ${describe(hit)}`);
              }
              window.scrollTo(0, 0);
              return problems;
              function inSentence(a) {
                const block = a.parentElement;
                const own = (block.textContent || '').replace(a.textContent || '', '');
                return /[\p{L}\p{N}]/u.test(own);
              }
              function describe(el) {
                const text = (el.getAttribute('aria-label') || el.textContent || el.value || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 50);
                return `${el.tagName.toLowerCase()}${el.type ? '[' + el.type + ']' : ''} "${text}"`;
              }
            }
            """, new object[] { MinTarget, within });
        return problems;
    }

    /// <summary>axe-core's findings of serious or critical impact; the moderate and minor ones go to <paramref name="log"/>.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityAsync(IPage page, Action<string> log)
    {
        // Evaluated through the DevTools protocol, which the page's script policy does not govern: no inline script is added.
        await page.EvaluateAsync(AxeSource.Value);
        var findings = await page.EvaluateAsync<string[]>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => `${v.impact}|axe ${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var serious = new List<string>();
        foreach (var finding in findings)
        {
            var (impact, text) = (finding[..finding.IndexOf('|')], finding[(finding.IndexOf('|') + 1)..]);
            if (impact is "serious" or "critical")
            {
                serious.Add(text);
            }
            else
            {
                log(text);
            }
        }
        return serious;
    }
}
