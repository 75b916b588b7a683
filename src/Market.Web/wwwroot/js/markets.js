// "Cerca de mí": the browser's position goes into the same filter form, only when the resident presses the button.
document.getElementById('near-me').addEventListener('click', () => navigator.geolocation && navigator.geolocation.getCurrentPosition(p => {
    const f = document.getElementById('market-filters');
    f.lat.value = p.coords.latitude.toFixed(5);
    f.lng.value = p.coords.longitude.toFixed(5);
    f.submit();
}));
