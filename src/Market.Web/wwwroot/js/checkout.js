// Shows the totals of the choices as they are made. The server priced every choice (data-fee, data-total, data-cents on
// each radio), so this only picks; without JavaScript the "Recalcular el total" button asks the server instead.
(function () {
    const form = document.querySelector("form[action='/checkout']");
    if (!form) return;
    const grand = form.querySelector("[data-testid=grand-total]");

    function update() {
        let cents = 0;
        for (const shop of form.querySelectorAll(".shop-choice")) {
            const chosen = shop.querySelector("input[type=radio][data-cents]:checked");
            if (!chosen) continue;
            shop.querySelector("[data-testid=delivery-fee]").textContent = chosen.dataset.fee;
            shop.querySelector("[data-testid=shop-total]").textContent = chosen.dataset.total;
            cents += Number(chosen.dataset.cents);
        }
        grand.textContent = "$" + (cents / 100).toFixed(2);
    }

    form.addEventListener("change", event => {
        if (event.target.matches("input[type=radio][data-cents]")) update();
    });
})();
