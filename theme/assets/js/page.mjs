// The components of every page (base.html), once the page is read: the folding menu, lexique
// definitions in place, and the warning before a page's own download links ([data-module=export]).
// The quick exit is not here: site.js, a classic script, answers before the page is even drawn.
import { Definitions } from "./composants/definitions.mjs";
import { Export } from "./composants/export.mjs";
import { MenuRepliable } from "./composants/menu.mjs";

new MenuRepliable(document.querySelector(".entete"));
new Definitions(document.body);
for (const racine of document.querySelectorAll("[data-module=export]")) new Export(racine);
