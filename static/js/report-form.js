/* The report form: the chosen category's questions, a map to place the
   pin, an address search, the description counter. Without this script the form still works: the
   server looks the typed address up. Texts come from data-msg-* attributes
   of the form, so they are translated with the page. */
(function () {
  "use strict";

  var PIN_ZOOM = 17;

  function message(form, name, values) {
    var text = (form && form.dataset["msg" + name]) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.replace("{" + key + "}", values[key]);
    });
    return text;
  }

  function drawMap(element, onPinMoved) {
    var data = element.dataset;
    var readonly = data.readonly === "true";
    element.hidden = false;

    L.Icon.Default.imagePath = data.iconPath;
    var map = L.map(element, { scrollWheelZoom: false });
    map.setView(
      [parseFloat(data.centreLat), parseFloat(data.centreLng)],
      parseInt(data.zoom, 10)
    );
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, {
        attribution: data.tileAttribution,
        maxZoom: 19,
      }).addTo(map);
    }
    if (data.boundary) {
      // Where tiles do not load, the outline of the territory is the only
      // landmark on the map.
      L.geoJSON(JSON.parse(data.boundary), {
        interactive: false,
        style: { color: "#1d4e89", weight: 2, fill: false },
      }).addTo(map);
    }

    var view = { map: map, marker: null };
    view.place = function (latlng) {
      if (view.marker) {
        view.marker.setLatLng(latlng);
      } else {
        view.marker = L.marker(latlng, {
          draggable: !readonly,
          keyboard: !readonly,
          title: data.pinLabel || "",
          alt: data.pinLabel || "",
        }).addTo(map);
        view.marker.on("dragend", function () {
          onPinMoved(view.marker.getLatLng(), "dragged");
        });
      }
    };
    view.remove = function () {
      if (view.marker) {
        map.removeLayer(view.marker);
        view.marker = null;
      }
    };

    if (data.pinLat && data.pinLng) {
      var pin = [parseFloat(data.pinLat), parseFloat(data.pinLng)];
      view.place(pin);
      map.setView(pin, Math.max(map.getZoom(), PIN_ZOOM - 1));
    }
    return view;
  }

  function showQuestions(form) {
    // Only the chosen category's questions are shown and sent: a disabled
    // fieldset's fields are neither checked by the browser nor posted.
    var chosen = form.querySelector("input[name=category]:checked");
    form.querySelectorAll("[data-questions-for]").forEach(function (group) {
      var mine = Boolean(chosen) && group.dataset.questionsFor === chosen.value;
      group.hidden = !mine;
      group.disabled = !mine;
    });
  }

  function setUpQuestions(form) {
    form.querySelectorAll("[data-without-script]").forEach(function (note) {
      note.hidden = true;
    });
    form.querySelectorAll("input[name=category]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        showQuestions(form);
      });
    });
    showQuestions(form);
  }

  function setUpForm(form) {
    setUpQuestions(form);
    var field = function (id) { return document.getElementById(id); };
    var latitude = field("id_latitude");
    var longitude = field("id_longitude");
    var geocoded = field("id_geocoded_address");
    var address = field("id_address");
    var searchButton = field("address-search-button");
    var results = field("address-results");
    var status = field("location-status");
    var locateButton = field("use-my-location");
    var centreButton = field("pin-at-centre");
    var removeButton = field("remove-pin");
    var tools = field("map-tools");
    var view = null;

    function say(text) {
      status.textContent = text;
    }

    function pinChanged() {
      // For static/js/duplicates.js, which looks for reports nearby.
      form.dispatchEvent(new CustomEvent("report:pin"));
    }

    function store(latlng) {
      latitude.value = latlng.lat.toFixed(6);
      longitude.value = latlng.lng.toFixed(6);
      // A pin placed by hand wins over the address the server looked up.
      geocoded.value = "";
      removeButton.hidden = false;
      pinChanged();
    }

    function placePin(latlng, text) {
      view.place(latlng);
      store(L.latLng(latlng));
      say(text);
    }

    if (tools && window.L) {
      tools.hidden = false;
      view = drawMap(field("report-map"), function (latlng) {
        store(latlng);
        say(message(form, "PinMoved"));
      });
      removeButton.hidden = !view.marker;
      view.map.on("click", function (event) {
        placePin(event.latlng, message(form, "PinPlaced"));
      });
      centreButton.addEventListener("click", function () {
        placePin(view.map.getCenter(), message(form, "PinPlaced"));
      });
      removeButton.addEventListener("click", function () {
        view.remove();
        latitude.value = "";
        longitude.value = "";
        geocoded.value = "";
        removeButton.hidden = true;
        pinChanged();
        say(message(form, "PinRemoved"));
        address.focus();
      });
      if (navigator.geolocation) {
        locateButton.addEventListener("click", function () {
          say(message(form, "Locating"));
          navigator.geolocation.getCurrentPosition(
            function (position) {
              var here = [position.coords.latitude, position.coords.longitude];
              placePin(here, message(form, "Located"));
              view.map.setView(here, PIN_ZOOM);
            },
            function () {
              say(message(form, "LocationUnavailable"));
            },
            { enableHighAccuracy: true, timeout: 15000 }
          );
        });
      } else {
        locateButton.hidden = true;
      }
    }

    function choose(place) {
      // The server says what the field keeps: a street found has no house
      // number, so the number typed stays (reports/geocoding.py).
      address.value = place.address || place.label;
      results.textContent = "";
      if (view) {
        placePin([place.lat, place.lon], message(form, "PinAt", {
          place: place.label,
        }));
        view.map.setView([place.lat, place.lon], PIN_ZOOM);
      } else {
        latitude.value = place.lat.toFixed(6);
        longitude.value = place.lon.toFixed(6);
        geocoded.value = "";
        pinChanged();
      }
    }

    function showResults(places) {
      results.textContent = "";
      var heading = document.createElement("p");
      results.appendChild(heading);
      if (!places.length) {
        heading.textContent = message(form, "NoPlaces");
        return;
      }
      if (places.length === 1 && view) {
        // One place found: the pin goes there at once, and the status says
        // where (aria-live); the pin can still be moved or removed. Without
        // the map there is no pin to show it, so the citizen chooses.
        choose(places[0]);
        return;
      }
      heading.textContent = message(form, "Places", { count: places.length });
      var list = document.createElement("ul");
      list.className = "address-results__list";
      places.forEach(function (place) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "address-result button--secondary button--small";
        button.textContent = place.label;
        button.addEventListener("click", function () {
          choose(place);
          address.focus();
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      results.appendChild(list);
    }

    function search() {
      var query = address.value.trim();
      if (query.length < 3) {
        results.textContent = message(form, "TooShort");
        return;
      }
      results.textContent = message(form, "Searching");
      var url = form.dataset.geocodeUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("geocoder " + response.status);
          }
          return response.json();
        })
        .then(showResults)
        .catch(function () {
          results.textContent = message(form, "SearchFailed");
        });
    }

    searchButton.hidden = false;
    searchButton.addEventListener("click", search);
    address.addEventListener("keydown", function (event) {
      // Enter in the address field searches instead of sending the form.
      if (event.key === "Enter") {
        event.preventDefault();
        search();
      }
    });

    var description = field("id_description");
    var counter = document.querySelector("#description-counter [data-counter-value]");
    if (description && counter) {
      description.addEventListener("input", function () {
        counter.textContent = description.value.length;
      });
    }

    var photos = field("id_photos");
    var photosWarning = field("photos-warning");
    if (photos && photosWarning) {
      photos.addEventListener("change", function () {
        var room = parseInt(photos.dataset.room, 10);
        photosWarning.textContent = photos.files.length > room
          ? message(form, "TooManyPhotos", { room: room })
          : "";
      });
    }
  }

  function submitOnce(form) {
    // A second press while the first post is on its way would store the
    // photos twice, or send the report twice.
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) {
        event.preventDefault();
      }
      sent = true;
    });
    window.addEventListener("pageshow", function () {
      sent = false;
    });
  }

  function start() {
    // The summary of a refused post is where the reader should start.
    var errors = document.getElementById("form-errors");
    if (errors) {
      errors.focus();
    }
    var form = document.querySelector("[data-report-form]");
    if (form) {
      setUpForm(form);
    }
    document.querySelectorAll("[data-submit-once]").forEach(submitOnce);
    var preview = document.getElementById("preview-map");
    if (preview && window.L) {
      drawMap(preview, function () {});
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
