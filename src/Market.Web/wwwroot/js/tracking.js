(function () {
    const root = document.getElementById("tracking");
    if (!root) return;
    const code = root.dataset.code;
    const labels = JSON.parse(root.dataset.labels);
    const tones = JSON.parse(root.dataset.tones);
    let last = Number(root.dataset.sequence);
    const timeline = root.querySelector("[data-testid=timeline]");
    const status = root.querySelector("[data-testid=order-status]");
    const format = new Intl.DateTimeFormat(document.documentElement.lang, { timeZone: "America/El_Salvador", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false });

    function apply(update) {
        if (update.code !== code || update.sequence <= last) return;
        if (update.sequence > last + 1) { follow(window.trackingConnection); return; }
        last = update.sequence;
        const li = document.createElement("li");
        li.dataset.sequence = update.sequence;
        const strong = document.createElement("strong");
        strong.textContent = update.action === "Refund" ? root.dataset.refunded : labels[update.action] ?? labels[update.status];
        const time = document.createElement("time");
        const parts = Object.fromEntries(format.formatToParts(new Date(update.occurredAt)).map(p => [p.type, p.value]));
        time.textContent = `${parts.day} ${parts.month.replace(".", "")} ${parts.hour}:${parts.minute}`;
        li.append(strong, " ", time, update.reason ? " — " + update.reason : "");
        timeline.append(li);
        status.textContent = labels[update.status];
        status.className = tones[update.status];
        if (update.status !== "Placed") document.getElementById("cancel-form")?.remove();
        // The payment panel was drawn for the old state (pay buttons): reload it rather than offer a stale choice.
        if (update.action === "ConfirmPayment" || update.action === "Refund") location.reload();
    }

    async function follow(connection) {
        const missed = await connection.invoke("FollowOrder", code, last);
        missed.forEach(apply);
    }

    window.trackingConnection = window.marketLive(follow, apply, root.querySelector("[data-testid=live-state]"));
})();
