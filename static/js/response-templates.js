// Response templates: choosing one puts its text in the field it is for,
// where staff edit it before sending. Without JavaScript the choice does
// nothing and the field is typed by hand.
(function () {
  "use strict";

  function fill(select) {
    var option = select.options[select.selectedIndex];
    var target = document.getElementById(select.dataset.fills);
    if (!option || !option.value || !target) {
      return;
    }
    target.value = option.dataset.text || "";
    target.focus();
  }

  document.querySelectorAll("select[data-fills]").forEach(function (select) {
    select.addEventListener("change", function () {
      fill(select);
    });
  });
})();
