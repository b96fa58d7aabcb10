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

  function popupContent(container, report) {
    var content = element("div", "popup");
    content.appendChild(element("p", "popup__title", report.title));

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

  // A link to /#report-12 opens the map on report 12, out of its cluster.
  function showLinkedReport(cluster, markers) {
    var match = /^#report-(\d+)$/.exec(window.location.hash);
    var marker = match && markers[match[1]];
    if (marker) {
      cluster.zoomToShowLayer(marker, function () {
        marker.openPopup();
      });
    }
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

  function reportsMap(container) {
    var map = baseMap(container);
    var status = document.getElementById(container.dataset.status);
    // Reports at one address stay reachable: at the deepest zoom their
    // cluster opens into a spider of separate pins.
    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon(container),
    });
    map.addLayer(cluster);
    closePopupOnEscape(container, map);

    container.dataset.loaded = "false";
    fetch(container.dataset.source, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("map data answered " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var markers = {};
        var layers = data.features.map(function (feature) {
          var marker = reportMarker(container, feature);
          markers[feature.properties.id] = marker;
          return marker;
        });
        cluster.addLayers(layers);
        container.dataset.count = String(data.count);
        container.dataset.loaded = "true";
        if (status) {
          status.textContent = format(container.dataset.labelCount, {
            count: data.count,
          });
        }
        showLinkedReport(cluster, markers);
        window.addEventListener("hashchange", function () {
          showLinkedReport(cluster, markers);
        });
      })
      .catch(function () {
        container.dataset.loaded = "error";
        if (status) {
          status.textContent = container.dataset.labelError;
        }
      });
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
