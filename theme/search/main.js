// Page « Rechercher » (remplace search/main.js de MkDocs 1.6).
//
// Ce qui est tapé reste dans la page : rien dans l'adresse (pas de « ?q= »), donc
// rien dans l'historique. Une ancienne adresse « recherche.html?q=… » est lue une
// fois, puis effacée de la barre d'adresse et de l'historique (replaceState).
// Le nombre de résultats est annoncé (role="status") ; tant que l'index se
// prépare, la page le dit, puis répond à ce qui a été tapé entre-temps.
//
// Une page « Rechercher » par langue : son index (data-index du formulaire, un fichier par langue sous
// search/) et ses textes (bloc #textes-composants, clé « Recherche » ; en français par défaut).
"use strict";

(function () {
  var champ = document.getElementById("mkdocs-search-query");
  var formulaire = document.getElementById("recherche-formulaire");
  var statut = document.getElementById("recherche-statut");
  var liste = document.getElementById("mkdocs-search-results");
  if (!champ || !formulaire || !statut || !liste) return;

  var base = (document.documentElement.dataset.baseUrl || ".").replace(/\/$/, "");
  var minimum = 2;
  var pret = false;
  var panne = false;
  var minuteur = null;
  var ATTENTE_MS = 250;
  var textes = lesTextes({
    aucun: "Aucun résultat. Essayez un autre mot (par exemple « aide », « délai », « protection »).",
    auMoins: "Tapez au moins {n} lettres.",
    chargement: "Chargement de la recherche…",
    panne: "La recherche n'a pas pu se charger. Rechargez la page, ou utilisez le menu.",
    un: "1 résultat.",
    plusieurs: "{n} résultats.",
  });

  /** The page's texts for the search (key « Recherche » of #textes-composants) over the French ones. */
  function lesTextes(defauts) {
    var bloc = document.getElementById("textes-composants");
    var donnes = {};
    try {
      donnes = (bloc && JSON.parse(bloc.textContent).Recherche) || {};
    } catch (erreur) {
      donnes = {};
    }
    var sortie = {};
    for (var cle in defauts) sortie[cle] = typeof donnes[cle] === "string" ? donnes[cle] : defauts[cle];
    return sortie;
  }

  function dit(cle, n) {
    return textes[cle].replace("{n}", String(n));
  }

  function chemin(relatif) {
    return base + "/" + relatif;
  }

  var initiale = new URLSearchParams(window.location.search).get("q") || "";
  if (window.location.search) {
    window.history.replaceState(null, "", window.location.pathname + window.location.hash);
  }

  function vide() {
    while (liste.firstChild) liste.removeChild(liste.firstChild);
  }

  function resume(texte) {
    var t = texte.replace(/\s+/g, " ").trim();
    if (t.length < 200) return t;
    var coupe = t.slice(0, 200);
    return coupe.slice(0, Math.max(coupe.lastIndexOf(" "), 120)) + "…";
  }

  function affiche(resultats) {
    vide();
    resultats.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = chemin(r.location);
      a.textContent = r.page ? r.title + " — " + r.page : r.title;
      var p = document.createElement("p");
      p.textContent = resume(r.summary || "");
      li.append(a, p);
      liste.append(li);
    });
    var n = resultats.length;
    statut.textContent = n === 0 ? textes.aucun : n === 1 ? textes.un : dit("plusieurs", n);
  }

  var worker = null;
  function enPanne() {
    panne = true;
    statut.textContent = textes.panne;
  }

  function cherche() {
    clearTimeout(minuteur);
    var q = champ.value.trim();
    if (panne) return enPanne();
    if (q.length < minimum) {
      vide();
      statut.textContent = q ? dit("auMoins", minimum) : "";
      return;
    }
    if (!pret) {
      statut.textContent = textes.chargement;
      return; // reprise dès que l'index est prêt
    }
    worker.postMessage({ query: q });
  }

  function recu(evenement) {
    var d = evenement.data;
    if (d.panne) {
      enPanne();
    } else if (d.config) {
      minimum = d.config.min_search_length || minimum;
    } else if (d.allowSearch) {
      pret = true;
      cherche();
    } else if (d.results) {
      if (d.query !== champ.value.trim()) return; // réponse à une frappe déjà dépassée
      affiche(d.results);
    }
  }

  champ.addEventListener("input", function () {
    clearTimeout(minuteur);
    minuteur = setTimeout(cherche, ATTENTE_MS);
  });
  formulaire.addEventListener("submit", function (evenement) {
    evenement.preventDefault();
    cherche();
  });

  if (initiale) champ.value = initiale;
  // Le champ reçoit le focus ici plutôt que par autofocus : site.js (exécuté avant) a déjà
  // replié le menu, la page ne défile donc pas vers une position périmée.
  champ.focus();
  try {
    worker = new Worker(chemin("search/worker.js"));
    worker.onmessage = recu;
    worker.onerror = enPanne;
    worker.postMessage({ init: true, index: formulaire.dataset.index || "search_index.json" });
  } catch (erreur) {
    enPanne();
  }
  if (champ.value) cherche();
})();
