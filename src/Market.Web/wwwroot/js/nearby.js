// Asks the browser for the position only when the resident presses the button, then sends the same form.
(function () {
  var button = document.getElementById("use-position");
  if (!button || !navigator.geolocation) return;
  var form = document.getElementById("location-form");
  var status = document.getElementById("geo-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (p) {
      form.elements.colonia.value = "";
      form.elements.lat.value = p.coords.latitude.toFixed(4);
      form.elements.lng.value = p.coords.longitude.toFixed(4);
      form.submit();
    }, function () {
      status.textContent = status.dataset.denied;
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
})();
