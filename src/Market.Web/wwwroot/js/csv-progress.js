// The import's progress while it runs (rows checked, then rows saved, of the total); the page is reloaded once it has finished.
(() => {
    const box = document.getElementById('import-progress');
    if (!box) return;
    const text = document.getElementById('progress-text');
    const format = (template, a, b) => template.replace('{0}', a).replace('{1}', b);
    const show = (name, done, total) => {
        const bar = document.getElementById('progress-' + name);
        bar.max = Math.max(total, 1);
        bar.value = done;
        document.getElementById('progress-' + name + '-count').textContent = format(box.dataset.ofTotal, done, total);
    };
    const poll = async () => {
        try {
            const response = await fetch(box.dataset.stateUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
            if (response.ok) {
                const s = await response.json();
                if (s.finished) {
                    // The result (counts or every bad line) is rendered, and encoded, by the server.
                    location.reload();
                    return;
                }
                if (s.total > 0) {
                    show('checked', s.processed, s.total);
                    show('saved', s.saved, s.total);
                }
                text.textContent = s.status === 'Queued' || s.total === 0 ? box.dataset.queued
                    : s.processed < s.total ? format(box.dataset.checking, s.processed, s.total)
                    : format(box.dataset.saving, s.saved, s.total);
            }
        } catch {
            // A moment without signal: ask again on the next tick.
        }
        setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
})();
