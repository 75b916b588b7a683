// The shop's position from the phone, offered only where the browser can give it; typing the numbers always works.
(function () {
    var button = document.getElementById('use-location');
    if (!button || !('geolocation' in navigator)) { return; }
    var status = document.getElementById('location-status');
    button.hidden = false;
    button.addEventListener('click', function () {
        status.textContent = button.dataset.wait;
        navigator.geolocation.getCurrentPosition(function (position) {
            document.getElementById('shop-latitude').value = position.coords.latitude.toFixed(6);
            document.getElementById('shop-longitude').value = position.coords.longitude.toFixed(6);
            status.textContent = '';
        }, function () {
            status.textContent = button.dataset.failed;
        }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
})();
