/* Possible duplicates in the report form: once a category is chosen and
   the pin placed, the open public reports nearby are shown, each with a
   button to follow it instead of sending a new report. report-form.js
   tells of pin changes with a "report:pin" event on the form. Without this
   script, the preview step lists the same reports. */
(function () {
  "use strict";

  var DELAY_MS = 300;

  function message(box, name, values) {
    var text = box.dataset["msg" + name] || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.replace("{" + key + "}", values[key]);
    });
    return text;
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

  function follow(form, url) {
    // A form of its own: the report form's buttons would send the report.
    var post = document.createElement("form");
    post.method = "post";
    post.action = url;
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "csrfmiddlewaretoken";
    input.value = token ? token.value : "";
    post.appendChild(input);
    document.body.appendChild(post);
    post.submit();
  }

  function card(box, form, report) {
    var item = element("li", "nearby__item");
    item.id = "nearby-" + report.id;
    if (report.thumbnail) {
      var image = element("img", "nearby__thumbnail");
      image.src = report.thumbnail;
      image.alt = message(box, "Photo");
      image.width = 96;
      image.height = 72;
      item.appendChild(image);
    }
    var body = element("div", "nearby__body");
    var title = element("h3", "nearby__title");
    title.id = "nearby-" + report.id + "-title";
    if (report.icon) {
      var icon = element("span", "", report.icon + " ");
      icon.setAttribute("aria-hidden", "true");
      title.appendChild(icon);
    }
    title.appendChild(document.createTextNode(report.category));
    body.appendChild(title);

    var meta = element("p", "nearby__meta");
    meta.appendChild(element("span", "badge badge--" + report.state, report.label));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(element("span", "", message(box, "Distance", {
      metres: report.distance_m,
    })));
    body.appendChild(meta);
    if (report.text) {
      body.appendChild(element("p", "nearby__text", report.text));
    }

    var actions = element("div", "nearby__actions");
    var link = element("a", "", message(box, "See"));
    link.href = report.url;
    actions.appendChild(link);
    var button = element("button", "button--secondary button--small nearby__follow",
      message(box, "Follow"));
    button.type = "button";
    button.setAttribute("aria-describedby", title.id);
    button.addEventListener("click", function () {
      button.disabled = true;
      follow(form, report.follow_url);
    });
    actions.appendChild(button);
    body.appendChild(actions);
    item.appendChild(body);
    return item;
  }

  function setUp(form, box) {
    var list = document.getElementById("nearby-live-list");
    var status = document.getElementById("nearby-live-status");
    var latitude = document.getElementById("id_latitude");
    var longitude = document.getElementById("id_longitude");
    var timer = null;
    var asked = 0;
    var lastQuery = "";

    function show(reports) {
      list.textContent = "";
      reports.forEach(function (report) {
        list.appendChild(card(box, form, report));
      });
      box.hidden = !reports.length;
      status.textContent = reports.length
        ? message(box, "Found", { count: reports.length })
        : "";
    }

    function query() {
      var category = form.querySelector("input[name=category]:checked");
      if (!category || !latitude.value || !longitude.value) {
        return "";
      }
      return "?lat=" + encodeURIComponent(latitude.value) +
        "&lng=" + encodeURIComponent(longitude.value) +
        "&category=" + encodeURIComponent(category.value);
    }

    function check() {
      var current = query();
      if (current === lastQuery) {
        return;
      }
      lastQuery = current;
      if (!current) {
        show([]);
        return;
      }
      // Only the answer to the latest question is shown.
      var number = ++asked;
      fetch(box.dataset.nearbyUrl + current, {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("nearby " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          if (number === asked) {
            show(data.reports);
          }
        })
        .catch(function () {
          // Duplicates are a help, not a step: the form works without them.
          if (number === asked) {
            show([]);
          }
        });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY_MS);
    }

    form.addEventListener("report:pin", later);
    form.querySelectorAll("input[name=category]").forEach(function (radio) {
      radio.addEventListener("change", later);
    });
    check();
  }

  function start() {
    var form = document.querySelector("[data-report-form]");
    var box = document.getElementById("nearby-live");
    if (form && box && window.fetch) {
      setUp(form, box);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
