// Test only (tests/fixtures/largeurs.py): served at /__tests__/largeurs.js by a Playwright route, from
// the page's own origin — the CSP stays whole. Finds every visible block of text whose lines wrap in a
// box narrower than 10 em (a column of one letter per line), and writes them into a hidden
// <pre id="largeurs-resultat"> the test reads.
"use strict";
(function () {
  var EM_MIN = 10;
  var ancien = document.getElementById("largeurs-resultat");
  if (ancien) ancien.remove();

  // The box that lays out a text node: its first ancestor that is not inline.
  function bloc(noeud) {
    var element = noeud.parentElement;
    while (element && element !== document.body) {
      var affichage = getComputedStyle(element).display;
      if (affichage !== "inline" && affichage !== "contents") return element;
      element = element.parentElement;
    }
    return element;
  }

  // How many lines the text of `element` takes on screen.
  function lignes(element) {
    var zone = document.createRange();
    zone.selectNodeContents(element);
    var hauts = [];
    Array.prototype.forEach.call(zone.getClientRects(), function (r) {
      if (r.width < 1 || r.height < 1) return;
      if (!hauts.some(function (h) { return Math.abs(h - r.top) < r.height / 2; })) hauts.push(r.top);
    });
    return hauts.length;
  }

  var etroits = [];
  var vus = new Set();
  var marcheur = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var noeud = marcheur.nextNode(); noeud; noeud = marcheur.nextNode()) {
    if (!noeud.nodeValue.trim()) continue;
    var element = bloc(noeud);
    if (!element || vus.has(element)) continue;
    vus.add(element);
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    var cadre = element.getBoundingClientRect();
    if (cadre.width <= 1 || cadre.height <= 1) continue; // hidden for the eyes, read by screen readers
    var style = getComputedStyle(element);
    var largeur = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var em = parseFloat(style.fontSize);
    if (largeur >= EM_MIN * em || lignes(element) < 2) continue;
    etroits.push({
      texte: element.textContent.replace(/\s+/g, " ").trim().slice(0, 60),
      balise: element.tagName.toLowerCase() + (element.className ? "." + String(element.className).split(/\s+/).join(".") : ""),
      largeur_em: Math.round((largeur / em) * 10) / 10,
      lignes: lignes(element),
    });
  }
  var sortie = document.createElement("pre");
  sortie.id = "largeurs-resultat";
  sortie.hidden = true;
  sortie.textContent = JSON.stringify(etroits);
  document.body.append(sortie);
})();
