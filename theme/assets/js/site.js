// Script commun à toutes les pages. Aucun stockage, aucune requête externe.
"use strict";

// La recherche de MkDocs attend une variable globale `base_url` ; les thèmes
// d'origine la posent par un script en ligne, que notre CSP interdit.
window.base_url = document.documentElement.dataset.baseUrl || ".";

(function () {
  var bouton = document.getElementById("sortie-rapide");
  if (!bouton) return;

  // Quitter rapidement : `location.replace` remplace la page dans l'historique,
  // donc le bouton « Précédent » ne ramène pas ici.
  function quitter(evenement) {
    if (evenement) evenement.preventDefault();
    document.body.style.visibility = "hidden";
    document.title = "Nouvel onglet";
    window.location.replace(bouton.href);
  }
  bouton.addEventListener("click", quitter);

  // Échap deux fois en moins d'une seconde : même effet, sans viser le bouton.
  var dernier = 0;
  document.addEventListener("keydown", function (evenement) {
    if (evenement.key !== "Escape") return;
    var maintenant = Date.now();
    if (maintenant - dernier < 1000) quitter(evenement);
    dernier = maintenant;
  });
})();
