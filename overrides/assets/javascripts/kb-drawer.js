/*
 * Escape closes the navigation drawer on narrow screens and puts keyboard focus back on
 * the menu button that opened it, as readers expect of any panel that opens over the page.
 * Material's drawer is a checkbox (#__drawer) that its own code and CSS watch; Material
 * closes its search on Escape but not the drawer.
 */
document.addEventListener("keydown", (event) => {
  const drawer = document.getElementById("__drawer");
  if (event.key !== "Escape" || !drawer || !drawer.checked) {
    return;
  }
  drawer.checked = false;
  drawer.dispatchEvent(new Event("change"));
  const menu = document.querySelector(".md-header label[for='__drawer']");
  if (menu) {
    menu.focus();
  }
});
