// "Agregar" without leaving the page: the post goes in the background, the header's count changes and the
// confirmation appears where the eye is. Without this script the form posts and comes back to the product's card.
(() => {
    const status = document.getElementById('cart-status');
    if (!status) return;
    let clear;
    document.addEventListener('submit', async (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || form.getAttribute('action') !== '/carrito/agregar') return;
        event.preventDefault();
        const button = form.querySelector('button[type="submit"]');
        if (button) button.disabled = true;
        try {
            const response = await fetch(form.action, {
                method: 'POST',
                body: new URLSearchParams(new FormData(form)),
                headers: { Accept: 'application/json' },
            });
            if (!response.ok) throw new Error(String(response.status));
            const added = await response.json();
            document.querySelectorAll('[data-testid="cart-count"]').forEach((count) => { count.textContent = added.count; });
            status.textContent = added.message;
            clearTimeout(clear);
            clear = setTimeout(() => { status.textContent = ''; }, 6000);
        } catch {
            // No signal or a refusal: the plain post says what happened.
            form.submit();
        } finally {
            if (button) button.disabled = false;
        }
    });
})();
