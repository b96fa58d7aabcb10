/* The staff page's editor of covered areas: drag on a photo to draw an
   opaque rectangle. Each rectangle is one row of four number fields (in
   percent of the photo), which is what the form sends; without this script
   the clerk types them. Texts come from data-msg-* attributes of the form. */
(function () {
  "use strict";

  var FIELDS = ["x", "y", "width", "height"];
  var MIN_SIZE = 0.5;

  function message(form, name, values) {
    var text = form.dataset["msg" + name] || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.replace("{" + key + "}", values[key]);
    });
    return text;
  }

  function clamp(value) {
    return Math.min(Math.max(value, 0), 100);
  }

  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function setUp(form) {
    var canvas = form.querySelector("[data-photo-covers-canvas]");
    var list = form.querySelector("[data-photo-covers-list]");
    var status = form.querySelector("[data-photo-covers-status]");
    var max = parseInt(form.dataset.max, 10) || 20;
    var added = 0;

    function rows() {
      return Array.prototype.slice.call(
        list.querySelectorAll("[data-photo-covers-row]")
      );
    }

    function input(row, name) {
      return row.querySelector('[data-cover="' + name + '"]');
    }

    function isEmpty(row) {
      return FIELDS.every(function (name) {
        return input(row, name).value.trim() === "";
      });
    }

    function read(row) {
      var values = {};
      var complete = FIELDS.every(function (name) {
        values[name] = parseFloat(input(row, name).value.replace(",", "."));
        return isFinite(values[name]);
      });
      return complete && values.width > 0 && values.height > 0 ? values : null;
    }

    function place(box, area) {
      box.style.left = area.x + "%";
      box.style.top = area.y + "%";
      box.style.width = Math.min(area.width, 100 - area.x) + "%";
      box.style.height = Math.min(area.height, 100 - area.y) + "%";
    }

    function redraw() {
      canvas.querySelectorAll(".photo-covers__box").forEach(function (box) {
        box.remove();
      });
      rows().forEach(function (row, index) {
        var area = read(row);
        if (!area) {
          return;
        }
        var box = document.createElement("div");
        box.className = "photo-covers__box";
        var label = document.createElement("span");
        label.className = "photo-covers__label";
        label.textContent = String(index + 1);
        box.appendChild(label);
        place(box, area);
        canvas.appendChild(box);
      });
    }

    function addRemoveButton(row) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button--secondary button--small";
      button.addEventListener("click", function () {
        if (rows().length > 1) {
          row.remove();
        } else {
          FIELDS.forEach(function (name) { input(row, name).value = ""; });
        }
        renumber();
        redraw();
        ensureEmptyRow();
        status.textContent = message(form, "Removed");
      });
      row.appendChild(button);
    }

    function renumber() {
      rows().forEach(function (row, index) {
        var button = row.querySelector("button");
        if (button) {
          button.textContent = message(form, "Remove", { number: index + 1 });
        }
      });
    }

    function ensureEmptyRow() {
      var all = rows();
      if (all.some(isEmpty) || all.length >= max) {
        return;
      }
      var template = all[all.length - 1];
      var row = template.cloneNode(true);
      added += 1;
      row.querySelectorAll("[id], [for]").forEach(function (element) {
        ["id", "for"].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value) {
            element.setAttribute(
              attribute, value.replace(/-[^-]+-(x|y|width|height)$/, "-js" + added + "-$1")
            );
          }
        });
      });
      FIELDS.forEach(function (name) { input(row, name).value = ""; });
      var button = row.querySelector("button");
      if (button) {
        button.remove();
      }
      list.appendChild(row);
      addRemoveButton(row);
      renumber();
    }

    function fill(area) {
      var row = rows().filter(isEmpty)[0];
      if (!row) {
        return;
      }
      FIELDS.forEach(function (name) {
        input(row, name).value = round(area[name]).toFixed(2);
      });
      redraw();
      ensureEmptyRow();
      status.textContent = message(form, "Added", {
        number: rows().indexOf(row) + 1,
      });
    }

    function pointAt(event) {
      var frame = canvas.getBoundingClientRect();
      return {
        x: clamp(((event.clientX - frame.left) / frame.width) * 100),
        y: clamp(((event.clientY - frame.top) / frame.height) * 100),
      };
    }

    var start = null;
    var drawing = null;

    function areaTo(event) {
      var end = pointAt(event);
      return {
        x: Math.min(start.x, end.x),
        y: Math.min(start.y, end.y),
        width: Math.abs(end.x - start.x),
        height: Math.abs(end.y - start.y),
      };
    }

    canvas.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      event.preventDefault();
      start = pointAt(event);
      drawing = document.createElement("div");
      drawing.className = "photo-covers__box photo-covers__box--drawing";
      canvas.appendChild(drawing);
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener("pointermove", function (event) {
      if (start) {
        place(drawing, areaTo(event));
      }
    });
    function finish(event, keep) {
      if (!start) {
        return;
      }
      var area = areaTo(event);
      drawing.remove();
      start = null;
      drawing = null;
      if (keep && area.width >= MIN_SIZE && area.height >= MIN_SIZE) {
        fill(area);
      }
    }
    canvas.addEventListener("pointerup", function (event) { finish(event, true); });
    canvas.addEventListener("pointercancel", function (event) { finish(event, false); });

    list.addEventListener("input", function () {
      redraw();
      ensureEmptyRow();
    });

    rows().forEach(addRemoveButton);
    renumber();
    redraw();
  }

  function start() {
    document.querySelectorAll("[data-photo-covers]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
