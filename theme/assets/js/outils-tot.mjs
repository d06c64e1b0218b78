// Python's download starts as soon as the tool's <section> is parsed, not once the page's own module and
// its four levels of imports have arrived (≈ 0.3 s on a computer, more than 1 s on a slow phone): the
// tool's component (Calculateur) finds the same worker (outilsDe, outils.mjs) and the stage it has reached.
// Loaded `async` right after the section's start tag (theme/outils/_formulaire.html): only outils.mjs
// to fetch, which imports nothing.

import { outilsDe } from "./outils.mjs";

for (const section of document.querySelectorAll("section[data-outil][data-pyodide]")) outilsDe(section);
