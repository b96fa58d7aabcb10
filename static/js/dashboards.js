// The dashboards' small behaviours, each optional: the page says the same
// without them.
//
// The exports page polls each export that is not finished yet and moves
// its progress bar; it shows the download link when the file is ready.
//
// The "where" page gets a web map of the hexagons, drawn again at each
// zoom with hexagons of a size that suits it (smaller when closer). The
// server-drawn maps and the table below stay for those without it.
(function () {
  "use strict";

  var POLL_MS = 1500;

  function hexagonMap(container) {
    var wrapper = container.closest(".js-hex-web-map");
    var measure = wrapper.querySelector(".js-hex-measure");
    // Leaflet measures its container: show it first.
    wrapper.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false }).setView(
      [parseFloat(container.dataset.lat), parseFloat(container.dataset.lng)],
      parseInt(container.dataset.zoom, 10) || 13
    );
    if (container.dataset.tileUrl) {
      L.tileLayer(container.dataset.tileUrl, {
        attribution: container.dataset.tileAttribution || "",
        maxZoom: 19,
      }).addTo(map);
    }
    var layer = null;
    var collection = null;
    var outlines = null;

    function draw() {
      if (layer) {
        map.removeLayer(layer);
      }
      var open = measure.value === "open";
      layer = L.geoJSON(collection, {
        filter: function (feature) {
          return (open ? feature.properties.open : feature.properties.received) > 0;
        },
        style: function (feature) {
          var heat = open ? feature.properties.open_heat : feature.properties.heat;
          // Colours come from the heat-N classes of dashboards.css.
          return { className: "hexagon heat-" + heat, weight: 1, fillOpacity: 0.85 };
        },
        onEachFeature: function (feature, path) {
          path.bindTooltip(
            String(open ? feature.properties.open : feature.properties.received)
          );
        },
      }).addTo(map);
    }

    function load() {
      var source = container.dataset.source;
      var glue = source.indexOf("?") === -1 ? "?" : "&";
      fetch(source + glue + "zoom=" + map.getZoom(), { credentials: "same-origin" })
        .then(function (response) {
          return response.json();
        })
        .then(function (data) {
          collection = data;
          container.dataset.hexagonSize = data.size;
          draw();
          if (!outlines) {
            outlines = L.geoJSON(data.zones, {
              style: { className: "zone-outline--web", fill: false, weight: 1 },
              onEachFeature: function (feature, path) {
                path.bindTooltip(feature.properties.name);
              },
            }).addTo(map);
          }
        });
    }

    map.on("zoomend", load);
    measure.addEventListener("change", draw);
    load();
  }

  function poll(item) {
    fetch(item.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (status) {
        var bar = item.querySelector("progress");
        var state = item.querySelector(".export-job__state");
        bar.value = status.percent;
        bar.textContent = status.percent + "%";
        state.textContent =
          status.state_label +
          (status.total ? " · " + status.written + "/" + status.total : "");
        item.dataset.state = status.state;
        if (status.state === "done") {
          item.querySelector(".export-job__download").hidden = false;
        } else if (status.state !== "failed") {
          window.setTimeout(function () {
            poll(item);
          }, POLL_MS);
        }
      })
      .catch(function () {
        window.setTimeout(function () {
          poll(item);
        }, POLL_MS * 4);
      });
  }

  function start() {
    if (window.L) {
      document.querySelectorAll(".js-hex-map").forEach(hexagonMap);
    }
    document.querySelectorAll(".export-job").forEach(function (item) {
      if (item.dataset.state === "pending" || item.dataset.state === "running") {
        poll(item);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
