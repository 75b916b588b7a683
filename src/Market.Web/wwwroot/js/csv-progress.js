// The import's progress while it runs; the page is reloaded once it has finished.
(() => {
    const box = document.getElementById('import-progress');
    if (!box) return;
    const bar = document.getElementById('progress-bar');
    const text = document.getElementById('progress-text');
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
                    bar.max = s.total;
                    bar.value = s.processed;
                }
                text.textContent = s.status === 'Queued' || s.total === 0 ? box.dataset.queued
                    : s.processed < s.total ? box.dataset.checking.replace('{0}', s.processed).replace('{1}', s.total)
                    : box.dataset.saving;
            }
        } catch {
            // A moment without signal: ask again on the next tick.
        }
        setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
})();
