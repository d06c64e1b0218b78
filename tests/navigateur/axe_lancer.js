// Test only (tests/navigateur/test_securite_axe.py): served at /__tests__/axe-lancer.js by a
// Playwright route, after axe.min.js, from the page's own origin — the CSP stays whole.
// Writes the WCAG 2.1 A/AA violations into a hidden <pre id="axe-resultat"> the test reads.
"use strict";
axe.run(document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  resultTypes: ["violations"],
}).then(function (resultat) {
  var sortie = document.createElement("pre");
  sortie.id = "axe-resultat";
  sortie.hidden = true;
  sortie.textContent = JSON.stringify(resultat.violations.map(function (v) {
    return { id: v.id, aide: v.help, cibles: v.nodes.slice(0, 5).map(function (n) { return n.target.join(" "); }) };
  }));
  document.body.append(sortie);
}, function (erreur) {
  var sortie = document.createElement("pre");
  sortie.id = "axe-resultat";
  sortie.hidden = true;
  sortie.textContent = JSON.stringify([{ id: "axe-erreur", aide: String(erreur), cibles: [] }]);
  document.body.append(sortie);
});
