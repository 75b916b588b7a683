(function () {
    const root = document.getElementById("inbox");
    if (!root) return;
    let lastEvent = Number(root.dataset.lastEvent);
    const open = root.querySelector("[data-testid=open-orders]");
    const closed = root.querySelector("[data-testid=closed-orders]");
    const badge = root.querySelector("[data-testid=new-orders]");
    const sound = document.getElementById("sound");

    function beep() {
        if (!sound.checked) return;
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        tone.connect(audio.destination);
        tone.frequency.value = 880;
        tone.start();
        tone.stop(audio.currentTime + 0.25);
    }

    async function apply(update) {
        if (update.sequence <= currentSequence(update.code)) return;
        const response = await fetch(`/tienda/pedidos/${encodeURIComponent(update.code)}/tarjeta`, { headers: { "X-Requested-With": "fetch" } });
        if (!response.ok) return;
        const holder = document.createElement("div");
        holder.innerHTML = await response.text();
        const card = holder.firstElementChild;
        const existing = document.getElementById(card.id);
        if (Number(card.dataset.sequence) <= currentSequence(update.code)) return;
        if (existing) existing.remove();
        (card.dataset.final === "true" ? closed : open).prepend(card);
        root.querySelector("[data-testid=no-open]").hidden = open.children.length > 0;
        const waiting = open.querySelectorAll("[data-status=Placed]").length;
        badge.textContent = waiting;
        badge.hidden = waiting === 0;
        if (update.status === "Placed") beep();
    }

    function currentSequence(code) {
        const card = document.getElementById("pedido-" + code);
        return card ? Number(card.dataset.sequence) : 0;
    }

    async function follow(connection) {
        const missed = await connection.invoke("FollowShop", lastEvent);
        for (const update of missed) await apply(update);
        // Only a catch-up moves the mark: a push with a higher id says nothing of an earlier push that was lost.
        lastEvent = missed.reduce((mark, u) => Math.max(mark, u.eventId), lastEvent);
    }

    const connection = window.marketLive(follow, apply, root.querySelector("[data-testid=live-state]"));
    // A market day the vendor has a stall on was cancelled or moved: say so at the top of the inbox.
    connection.on("marketDay", notice => {
        const p = document.createElement("p");
        p.className = "error";
        p.setAttribute("role", "alert");
        p.dataset.testid = "market-notice";
        const text = notice.status === "Cancelled" ? root.dataset.marketCancelled : root.dataset.marketMoved;
        p.textContent = text.replace("{0}", notice.space).replace("{1}", notice.date).replace("{2}", notice.reason || "");
        root.querySelector("h1").after(p);
    });
})();
