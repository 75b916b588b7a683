// One SignalR connection that reconnects forever and tells the page when it must catch up.
window.marketLive = function (onConnected, onUpdate, liveBadge) {
    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/pedidos")
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * (ctx.previousRetryCount + 1)) })
        .build();
    connection.on("orderEvent", onUpdate);
    // The server says its Redis backplane was away: pushes may be lost, so catch up by sequence.
    connection.on("resync", () => onConnected(connection).catch(() => {}));
    const setLive = on => { if (liveBadge) liveBadge.hidden = !on; };
    connection.onreconnecting(() => setLive(false));
    connection.onreconnected(async () => { await onConnected(connection); setLive(true); });
    connection.onclose(() => setTimeout(start, 2000));
    async function start() {
        try {
            await connection.start();
            await onConnected(connection);
            setLive(true);
        } catch (e) {
            setLive(false);
            setTimeout(start, 2000);
        }
    }
    start();
    // A last resort if even the resync hint is lost (the node itself lost its Redis in between).
    setInterval(() => {
        if (connection.state === signalR.HubConnectionState.Connected) onConnected(connection).catch(() => {});
    }, 60000);
    document.addEventListener("visibilitychange", () => {
        if (!document.hidden && connection.state === signalR.HubConnectionState.Connected) onConnected(connection).catch(() => {});
    });
    return connection;
};
