/*
 * Glossary tooltips: show a term's short definition on hover, keyboard focus and
 * touch. The definition is already in the page (the element that the link's
 * aria-describedby points to), so screen readers announce it without this script
 * and readers without JavaScript still reach the glossary by following the link.
 * One delegated listener set survives Material's instant navigation.
 */
(function () {
  "use strict";
  var tip = null;
  var current = null;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "kb-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.id = "kb-tooltip";
      tip.hidden = true;
      tip.addEventListener("mouseleave", function (event) {
        if (event.relatedTarget !== current) { hide(); }
      });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function termOf(node) {
    return node && node.closest ? node.closest("a.kb-term") : null;
  }

  function show(link) {
    var definition = document.getElementById(link.getAttribute("aria-describedby") || "");
    if (!definition) { return; }
    var box = tooltip();
    box.textContent = definition.textContent;
    box.hidden = false;
    var rect = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
    current = link;
  }

  function hide() {
    if (tip) { tip.hidden = true; }
    current = null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link && link !== current) { show(link); }
  });
  document.addEventListener("mouseout", function (event) {
    var link = termOf(event.target);
    if (link && event.relatedTarget !== tip && !termOf(event.relatedTarget)) { hide(); }
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) { show(link); } else { hide(); }
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target)) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
  /*
   * Touch: the first tap on a term shows its definition, a tap on the same term while
   * it shows follows the link. A tap also fires mouseover and focus before click, so
   * whether the definition was already showing is read at pointerdown, which comes first.
   */
  var tapOnShownTerm = null;
  document.addEventListener("pointerdown", function (event) {
    var link = termOf(event.target);
    tapOnShownTerm = event.pointerType === "touch" ? Boolean(link) && link === current : null;
  }, true);
  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (link && tapOnShownTerm === false) {
      /* Material's instant navigation follows links from a listener on <body> that ignores
         preventDefault, so the tap must not reach it either. */
      event.preventDefault();
      event.stopPropagation();
      show(link);
    } else if (!link) {
      hide();
    }
    tapOnShownTerm = null;
  }, true);
})();
