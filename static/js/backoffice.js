// The back office: a small map with the report's pin. The data comes in
// data-* attributes; without Leaflet the caption beside the map still says
// where the report is.
(function () {
  "use strict";

  function showPin(element) {
    var lat = parseFloat(element.dataset.lat);
    var lng = parseFloat(element.dataset.lng);
    if (!window.L || isNaN(lat) || isNaN(lng)) {
      return;
    }

    var map = L.map(element, { scrollWheelZoom: false }).setView(
      [lat, lng],
      parseInt(element.dataset.zoom, 10) || 17
    );
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.tileAttribution || "",
        maxZoom: 19,
      }).addTo(map);
    }

    // A circle marker needs no image files, so it works without tiles too.
    L.circleMarker([lat, lng], {
      radius: 10,
      weight: 3,
      color: "#ffffff",
      fillColor: "#d1242f",
      fillOpacity: 1,
    })
      .bindTooltip(element.dataset.label || "", { permanent: false })
      .addTo(map);
  }

  function start() {
    document.querySelectorAll(".js-report-map").forEach(showPin);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
