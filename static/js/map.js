// The public map of reports, and the small map on a report's page.
//
// Settings and translated texts come from data-* attributes of the map
// element; the reports come from the map data endpoint as GeoJSON. Every
// pin carries its state as a class (pin--new, pin--in_progress, ...) and as
// text for screen readers, never as colour alone.
(function () {
  "use strict";

  var STATES = ["new", "in_progress", "resolved", "closed"];
  var MAX_ZOOM = 19;
  // A linked report is shown at this zoom, deep enough for the server to
  // send reports one by one (from mapdata.REPORT_ZOOM, when few enough).
  var REPORT_ZOOM = 17;
  var DEBOUNCE_MS = 250;
  // The server lists reports one by one from this zoom (mapdata.REPORT_ZOOM).
  var LIST_ZOOM = 15;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  function escapeHtml(text) {
    var element = document.createElement("span");
    element.textContent = text;
    return element.innerHTML;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // A DivIcon whose element also gets attributes: the report id, its state
  // and its accessible name.
  var LabelledIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var icon = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      var attributes = this.options.attributes || {};
      Object.keys(attributes).forEach(function (name) {
        icon.setAttribute(name, attributes[name]);
      });
      return icon;
    },
  });

  function pinLabel(container, report) {
    var label = format(container.dataset.labelPin, {
      number: report.number,
      state: report.label,
      category: report.title,
    });
    if (report.overdue) {
      label += ", " + container.dataset.labelOverdue;
    }
    return label;
  }

  function pinIcon(container, report, attributes) {
    var state = STATES.indexOf(report.state) >= 0 ? report.state : "new";
    var classes = "pin pin--" + state + (report.overdue ? " pin--overdue" : "");
    var badge = report.overdue
      ? '<span class="pin__badge" aria-hidden="true">!</span>'
      : "";
    var label = pinLabel(container, report);
    return new LabelledIcon({
      className: classes,
      html: '<span class="pin__body"></span>' + badge,
      iconSize: [30, 34],
      iconAnchor: [15, 32],
      popupAnchor: [0, -30],
      attributes: L.extend(
        {
          "data-report-id": String(report.id),
          "data-state": state,
          "aria-label": label,
          title: label,
        },
        attributes || {}
      ),
    });
  }

  function baseMap(container, options) {
    var centre = [Number(container.dataset.lat), Number(container.dataset.lng)];
    var map = L.map(
      container,
      L.extend(
        {
          center: centre,
          zoom: Number(container.dataset.zoom) || 13,
          maxZoom: MAX_ZOOM,
          minZoom: 3,
        },
        options || {}
      )
    );
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, {
        maxZoom: MAX_ZOOM,
        attribution: escapeHtml(container.dataset.attribution || ""),
      }).addTo(map);
    } else {
      container.classList.add("map--without-tiles");
    }
    // Leaflet puts its controls after the markers in the page, so the zoom
    // buttons came last in the Tab order; they are positioned absolutely,
    // so moving them first changes nothing on screen.
    var controls = container.querySelector(".leaflet-control-container");
    if (controls) {
      container.insertBefore(controls, container.firstChild);
    }
    return map;
  }

  var SVG = "http://www.w3.org/2000/svg";

  // The category's colour and icon beside its name, both decorative: the
  // pin's colour stays the report's state.
  function popupTitle(report) {
    var title = element("p", "popup__title");
    if (report.colour) {
      var swatch = document.createElementNS(SVG, "svg");
      swatch.setAttribute("class", "category-swatch");
      swatch.setAttribute("width", "12");
      swatch.setAttribute("height", "12");
      swatch.setAttribute("viewBox", "0 0 12 12");
      swatch.setAttribute("aria-hidden", "true");
      swatch.setAttribute("focusable", "false");
      var square = document.createElementNS(SVG, "rect");
      [["x", ".5"], ["y", ".5"], ["width", "11"], ["height", "11"], ["rx", "2"],
        ["fill", report.colour], ["stroke", "#57606a"]].forEach(function (pair) {
        square.setAttribute(pair[0], pair[1]);
      });
      swatch.appendChild(square);
      title.appendChild(swatch);
    }
    if (report.icon) {
      var icon = element("span", "category-icon", report.icon);
      icon.setAttribute("aria-hidden", "true");
      title.appendChild(icon);
      title.appendChild(document.createTextNode(" "));
    }
    title.appendChild(document.createTextNode(report.title));
    return title;
  }

  function popupContent(container, report) {
    var content = element("div", "popup");
    content.appendChild(popupTitle(report));

    var states = element("p", "popup__states");
    states.appendChild(element("span", "badge badge--" + report.state, report.label));
    if (report.overdue) {
      states.appendChild(document.createTextNode(" "));
      states.appendChild(
        element("span", "badge badge--overdue", container.dataset.labelOverdue)
      );
    }
    content.appendChild(states);

    if (report.thumbnail) {
      var thumbnail = element("img", "popup__thumbnail");
      thumbnail.src = report.thumbnail;
      thumbnail.alt = "";
      content.appendChild(thumbnail);
    }
    content.appendChild(element("p", "popup__text", report.text));
    if (report.address) {
      content.appendChild(element("p", "popup__address muted", report.address));
    }

    var link = element(
      "a",
      "popup__link",
      format(container.dataset.labelDetails, { number: report.number })
    );
    link.href = report.url;
    content.appendChild(link);
    return content;
  }

  function reportMarker(container, feature) {
    var report = feature.properties;
    var point = feature.geometry.coordinates;
    var marker = L.marker([point[1], point[0]], {
      icon: pinIcon(container, report),
      keyboard: true,
      riseOnHover: true,
    });
    marker.bindPopup(function () {
      return popupContent(container, report);
    });

    // Opened with the keyboard, the popup takes the focus, and gives it
    // back to its pin when it closes.
    marker.on("keypress", function (event) {
      if (event.originalEvent.key !== "Enter" || !marker.isPopupOpen()) {
        return;
      }
      var link = marker.getPopup().getElement().querySelector("a.popup__link");
      if (link) {
        link.focus();
      }
    });
    marker.on("popupclose", function () {
      var popup = marker.getPopup().getElement();
      var icon = marker.getElement();
      if (icon && popup && popup.contains(document.activeElement)) {
        icon.focus();
      }
    });
    return marker;
  }

  function clusterIcon(container) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var label = format(container.dataset.labelCluster, { count: count });
      return new LabelledIcon({
        className: "cluster",
        html: "<span>" + count + "</span>",
        iconSize: [40, 40],
        attributes: { "aria-label": label, title: label },
      });
    };
  }

  // Leaflet closes a popup on Escape only while the map itself has the
  // focus; a keyboard user's focus is on the popup's link.
  function closePopupOnEscape(container, map) {
    container.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && map.closePopup) {
        map.closePopup();
      }
    });
  }

  function clusterPopup(container, feature) {
    var data = feature.properties;
    var labels = container.pinLabels || {};
    var content = element("div", "popup");
    content.appendChild(
      element("p", "popup__title", format(container.dataset.labelCluster, { count: data.count }))
    );
    var states = element("ul", "popup__counts");
    STATES.forEach(function (state) {
      if (data.states[state]) {
        var item = element("li");
        item.appendChild(element("span", "badge badge--" + state, labels[state] || state));
        item.appendChild(document.createTextNode(" " + data.states[state]));
        states.appendChild(item);
      }
    });
    content.appendChild(states);
    var link = element(
      "a",
      "popup__link",
      format(container.dataset.labelClusterList, { count: data.count })
    );
    link.href = listUrl(container, data.bbox);
    content.appendChild(link);
    return content;
  }

  // A cluster computed by the server: selecting it zooms to its reports,
  // or, when they cannot be told apart by zooming (one place, or the
  // deepest zoom), lists them.
  function serverCluster(container, map, feature) {
    var data = feature.properties;
    var point = feature.geometry.coordinates;
    var label = format(container.dataset.labelCluster, { count: data.count });
    var size = data.count < 100 ? 40 : data.count < 10000 ? 48 : 56;
    var marker = L.marker([point[1], point[0]], {
      icon: new LabelledIcon({
        className: "cluster cluster--server",
        html: "<span>" + compactCount(data.count) + "</span>",
        iconSize: [size, size],
        attributes: { "aria-label": label, title: label, "data-count": String(data.count) },
      }),
      keyboard: true,
    });
    var box = data.bbox;
    var onePlace = box[0] === box[2] && box[1] === box[3];
    marker.on("click", function () {
      if (onePlace || map.getZoom() >= map.getMaxZoom()) {
        marker.bindPopup(clusterPopup(container, feature)).openPopup();
        return;
      }
      var bounds = L.latLngBounds([box[1], box[0]], [box[3], box[2]]);
      var zoom = Math.max(map.getBoundsZoom(bounds), map.getZoom() + 1);
      // Few enough to be shown one by one: straight to where they are.
      if (data.count <= Number(container.dataset.limit)) {
        zoom = Math.max(zoom, LIST_ZOOM);
      }
      map.setView(bounds.getCenter(), Math.min(zoom, map.getMaxZoom()));
    });
    return marker;
  }

  function compactCount(count) {
    if (count >= 10000) {
      return Math.round(count / 1000) + "k";
    }
    return String(count);
  }

  function listUrl(container, box) {
    var params = new URLSearchParams(filterQuery(container));
    if (box) {
      params.set("bbox", box.join(","));
    }
    var query = params.toString();
    return container.dataset.list + (query ? "?" + query : "");
  }

  // The filters of the page's address: the map data takes the same ones.
  function filterQuery(container) {
    var source = container.dataset.source;
    var index = source.indexOf("?");
    return index >= 0 ? source.slice(index + 1) : "";
  }

  function boxOf(map) {
    var bounds = map.getBounds();
    return [
      bounds.getWest().toFixed(5),
      bounds.getSouth().toFixed(5),
      bounds.getEast().toFixed(5),
      bounds.getNorth().toFixed(5),
    ];
  }

  // The view is part of the address, beside the filters, so it can be shared.
  function rememberView(map) {
    var params = new URLSearchParams(window.location.search);
    var centre = map.getCenter();
    params.set("lat", centre.lat.toFixed(5));
    params.set("lng", centre.lng.toFixed(5));
    params.set("zoom", String(map.getZoom()));
    var url = window.location.pathname + "?" + params.toString() + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function initialView(container) {
    var params = new URLSearchParams(window.location.search);
    var lat = parseFloat(params.get("lat"));
    var lng = parseFloat(params.get("lng"));
    var zoom = parseInt(params.get("zoom"), 10);
    if (isFinite(lat) && isFinite(lng) && isFinite(zoom)) {
      return { center: [lat, lng], zoom: Math.max(3, Math.min(MAX_ZOOM, zoom)) };
    }
    return {};
  }

  function statusText(container, data) {
    if (data.mode === "reports") {
      return format(container.dataset.labelCount, { count: data.total });
    }
    var template =
      data.clustered === "limit"
        ? container.dataset.labelClusteredLimit
        : container.dataset.labelClusteredZoom;
    return format(template, { count: data.total, limit: data.limit });
  }

  function linkedReport() {
    var match = /^#report-(\d+)$/.exec(window.location.hash);
    return match ? match[1] : null;
  }

  function reportsMap(container) {
    var map = baseMap(container, initialView(container));
    var status = document.getElementById(container.dataset.status);
    var listLink = document.getElementById(container.dataset.listLink);
    var labels = document.getElementById(container.dataset.pinLabels);
    container.pinLabels = labels ? JSON.parse(labels.textContent) : {};
    // Reports at one address stay reachable: at the deepest zoom their
    // group opens into a spider of separate pins.
    var pins = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon(container),
    });
    var groups = L.layerGroup();
    map.addLayer(pins);
    map.addLayer(groups);
    closePopupOnEscape(container, map);

    var markers = {};
    var pending = null;
    var timer = null;
    var wanted = linkedReport();

    function show(data) {
      pins.clearLayers();
      groups.clearLayers();
      markers = {};
      if (data.mode === "reports") {
        pins.addLayers(
          data.features.map(function (feature) {
            var marker = reportMarker(container, feature);
            markers[feature.properties.id] = marker;
            return marker;
          })
        );
      } else {
        data.features.forEach(function (feature) {
          groups.addLayer(serverCluster(container, map, feature));
        });
      }
      container.dataset.mode = data.mode;
      container.dataset.limit = String(data.limit);
      container.dataset.count = String(data.total);
      container.dataset.loaded = "true";
      if (status) {
        status.textContent = statusText(container, data);
      }
      if (listLink) {
        listLink.href = listUrl(container, boxOf(map));
      }
      openWanted();
    }

    function openWanted() {
      var marker = wanted && markers[wanted];
      if (marker) {
        wanted = null;
        pins.zoomToShowLayer(marker, function () {
          marker.openPopup();
        });
      }
    }

    function fetchJson(query, signal) {
      var source = container.dataset.source;
      var url = source + (source.indexOf("?") >= 0 ? "&" : "?") + query;
      return fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: signal,
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("map data answered " + response.status);
        }
        return response.json();
      });
    }

    function load() {
      if (pending) {
        pending.abort();
      }
      pending = window.AbortController ? new AbortController() : null;
      container.dataset.loaded = "false";
      var query = "bbox=" + boxOf(map).join(",") + "&zoom=" + map.getZoom();
      fetchJson(query, pending ? pending.signal : undefined)
        .then(show)
        .catch(function (error) {
          if (error.name === "AbortError") {
            return;
          }
          container.dataset.loaded = "error";
          if (status) {
            status.textContent = container.dataset.labelError;
          }
        });
    }

    // Panning fires many moves: the data follows when the map rests.
    map.on("moveend", function () {
      rememberView(map);
      window.clearTimeout(timer);
      timer = window.setTimeout(load, DEBOUNCE_MS);
    });

    // A link to /#report-12 opens the map on report 12, out of its group.
    function goToWanted() {
      wanted = linkedReport();
      if (!wanted) {
        return;
      }
      if (markers[wanted]) {
        openWanted();
        return;
      }
      fetchJson("report=" + wanted)
        .then(function (data) {
          var feature = data.features[0];
          if (!feature) {
            wanted = null;
            return;
          }
          var point = feature.geometry.coordinates;
          map.setView([point[1], point[0]], REPORT_ZOOM);
        })
        .catch(function () {
          wanted = null;
        });
    }
    window.addEventListener("hashchange", goToWanted);

    load();
    goToWanted();
  }

  function pointMap(container) {
    var map = baseMap(container, { scrollWheelZoom: false });
    var report = {
      id: container.dataset.report,
      number: container.dataset.number,
      state: container.dataset.state,
      label: container.dataset.stateLabel,
      title: container.dataset.category,
      overdue: container.dataset.overdue === "true",
    };
    L.marker(map.getCenter(), {
      icon: pinIcon(container, report, { role: "img" }),
      keyboard: false,
      interactive: false,
    }).addTo(map);
  }

  document.querySelectorAll('[data-map="reports"]').forEach(reportsMap);
  document.querySelectorAll('[data-map="point"]').forEach(pointMap);
})();
