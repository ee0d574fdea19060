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
    place(box, link.getBoundingClientRect());
    current = link;
  }

  /*
   * Keep the tooltip inside the window: never wider than the window less a margin, moved left or
   * right to fit, and opened above the term when there is no room for it below (a term near the
   * bottom of a phone screen). The window is measured by its layout width and the visible height.
   */
  var MARGIN = 8;
  var GAP = 6;
  function place(box, rect) {
    var width = document.documentElement.clientWidth;
    var height = window.visualViewport ? window.visualViewport.height : window.innerHeight;
    box.style.maxWidth = Math.max(0, width - 2 * MARGIN) + "px";
    box.style.left = "0px";
    box.style.top = "0px";
    var size = box.getBoundingClientRect();
    var left = Math.max(MARGIN, Math.min(rect.left, width - size.width - MARGIN));
    var roomBelow = height - rect.bottom - GAP - MARGIN;
    var roomAbove = rect.top - GAP - MARGIN;
    var above = size.height > roomBelow && roomAbove > roomBelow;
    var top = above ? rect.top - GAP - size.height : rect.bottom + GAP;
    box.classList.toggle("kb-tooltip--above", above);
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
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
