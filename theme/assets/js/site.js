// Script commun à toutes les pages. Aucun stockage, aucune requête vers une autre origine.
"use strict";

(function () {
  // Chargé dans <head>, sans defer : la classe « js » est posée avant le premier
  // affichage (le menu replié sur téléphone ne « saute » pas), et la sortie rapide
  // répond dès le début du chargement de la page, avant même la fin du HTML.
  var racine = document.documentElement;
  racine.classList.add("js");

  // ---------------------------------------------------------------------------
  // Quitter rapidement : le bouton, ou la touche Maj trois fois.
  //
  // Échap n'est PAS un raccourci : le navigateur l'utilise pour arrêter le chargement
  // d'une page (deux Échap paniqués annuleraient la sortie elle-même), pour fermer les
  // menus et les boîtes de dialogue, et les lecteurs d'écran s'en servent.
  // ---------------------------------------------------------------------------
  var APPUIS = 3;
  var FENETRE_MS = 5000; // chaque appui laisse 5 s pour le suivant
  var titre = null;

  function bouton() {
    return document.getElementById("sortie-rapide");
  }

  function annonce(texte) {
    var statut = document.getElementById("sortie-rapide-statut");
    if (statut) statut.textContent = texte;
  }

  function quitter(evenement) {
    var lien = bouton();
    if (!lien) return; // pas encore dans la page : le lien ordinaire fera l'affaire
    if (evenement) evenement.preventDefault();
    // Tout de suite, avant même que la page suivante réponde : plus rien à l'écran,
    // un titre d'onglet neutre. Puis la page est REMPLACÉE dans l'historique.
    racine.classList.add("sortie-en-cours");
    if (titre === null) titre = document.title;
    document.title = "Nouvel onglet";
    window.location.replace(lien.href);
  }

  var compte = 0;
  var minuteur = null;
  var majModificateur = false; // Maj tenue pendant une autre touche (Maj+A) : ce n'est pas un appui

  function remetAZero(message) {
    compte = 0;
    clearTimeout(minuteur);
    minuteur = null;
    var lien = bouton();
    if (lien) lien.classList.remove("appuis-1", "appuis-2");
    if (message !== undefined) annonce(message);
  }

  function appuiMaj() {
    compte += 1;
    clearTimeout(minuteur);
    if (compte >= APPUIS) {
      remetAZero();
      quitter();
      return;
    }
    var lien = bouton();
    if (lien) {
      lien.classList.remove("appuis-1", "appuis-2");
      lien.classList.add("appuis-" + compte);
    }
    annonce("Appuyez encore " + (APPUIS - compte) + " fois sur Maj pour quitter le site.");
    minuteur = setTimeout(function () { remetAZero("Sortie rapide annulée."); }, FENETRE_MS);
  }

  // Écoutés sur le document (en capture), donc actifs avant que le bouton soit lu.
  document.addEventListener("click", function (evenement) {
    if (evenement.target.closest && evenement.target.closest("#sortie-rapide")) quitter(evenement);
  }, true);

  document.addEventListener("keydown", function (evenement) {
    if (evenement.key === "Shift") {
      if (!evenement.repeat) majModificateur = false;
      return;
    }
    // Toute autre touche : la série recommence (et Maj tenue devient un modificateur).
    if (evenement.shiftKey) majModificateur = true;
    if (compte > 0) remetAZero("");
  }, true);

  document.addEventListener("keyup", function (evenement) {
    if (evenement.key !== "Shift") return;
    if (majModificateur) {
      majModificateur = false;
      return;
    }
    appuiMaj();
  }, true);

  // Maj+clic (sélection de texte) : Maj est là aussi un modificateur.
  document.addEventListener("mousedown", function (evenement) {
    if (evenement.shiftKey) majModificateur = true;
  }, true);

  // Retour sur cette page par « Précédent » ou « Suivant » (cache du navigateur) :
  // la page redevient normale.
  window.addEventListener("pageshow", function () {
    if (titre !== null) document.title = titre;
    racine.classList.remove("sortie-en-cours");
    remetAZero("");
  });

  document.addEventListener("DOMContentLoaded", function () {
    // ---------------------------------------------------------------------------
    // Menu repliable sur petit écran (sans JavaScript, il reste ouvert).
    // ---------------------------------------------------------------------------
    var menuBouton = document.querySelector(".menu-bouton");
    var menu = document.getElementById("menu-principal");
    if (menuBouton && menu) {
      menuBouton.hidden = false;
      menuBouton.addEventListener("click", function () {
        var ouvert = menuBouton.getAttribute("aria-expanded") === "true";
        menuBouton.setAttribute("aria-expanded", ouvert ? "false" : "true");
        menu.classList.toggle("menu-ouvert", !ouvert);
      });
    }

    // ---------------------------------------------------------------------------
    // Lexique : la définition s'ouvre sur place, sous le mot (pas de nouvel onglet,
    // pas de page de plus dans l'historique). Le HTML porte un lien vers le lexique
    // et la définition dans data-definition (hors de l'index de recherche) ; sans
    // JavaScript, le lien reste. Le lien devient un bouton (role) qui reste du texte
    // en ligne : un terme de plusieurs mots se coupe en fin de ligne comme le reste.
    // ---------------------------------------------------------------------------
    var numero = 0;
    function ouvreTerme(terme, ouvrir) {
      terme.setAttribute("aria-expanded", ouvrir ? "true" : "false");
      document.getElementById(terme.getAttribute("aria-controls")).hidden = !ouvrir;
    }
    function enrichit(racineDom) {
      Array.prototype.forEach.call(racineDom.querySelectorAll("a.terme[data-definition]:not([role])"), function (terme) {
        numero += 1;
        var definition = document.createElement("span");
        definition.className = "terme-def";
        definition.id = "definition-" + numero;
        definition.hidden = true;
        definition.textContent = terme.getAttribute("data-definition");
        terme.after(definition);
        terme.setAttribute("role", "button");
        terme.setAttribute("aria-expanded", "false");
        terme.setAttribute("aria-controls", definition.id);
      });
    }
    enrichit(document);
    // Parties ajoutées après le chargement (l'entretien guidé d'un formulaire, par exemple).
    new MutationObserver(function (changements) {
      changements.forEach(function (changement) {
        changement.addedNodes.forEach(function (noeud) {
          if (noeud.nodeType === 1) enrichit(noeud.parentNode || noeud);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
    // Délégation : vaut aussi pour les termes ajoutés plus tard.
    document.addEventListener("click", function (evenement) {
      var terme = evenement.target.closest && evenement.target.closest("a.terme[aria-controls]");
      if (!terme) return;
      evenement.preventDefault();
      ouvreTerme(terme, terme.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (evenement) {
      var terme = evenement.target.closest && evenement.target.closest("a.terme[aria-controls]");
      if (!terme) return;
      if (evenement.key === " ") { // un bouton s'actionne aussi avec Espace
        evenement.preventDefault();
        terme.click();
      } else if (evenement.key === "Escape" && terme.getAttribute("aria-expanded") === "true") {
        ouvreTerme(terme, false);
      }
    });

    // ---------------------------------------------------------------------------
    // Avant un téléchargement ou une impression (liens et boutons data-avant-export) :
    // un avertissement (assets/js/avant-export.mjs, chargé seulement si besoin).
    // ---------------------------------------------------------------------------
    var module = null;
    function avertissement() {
      if (!module) {
        var base = (racine.dataset.baseUrl || ".").replace(/\/$/, "") + "/"; // « . », « .. » ou « / » (404)
        var url = new URL("assets/js/avant-export.mjs", new URL(base, document.baseURI));
        module = import(url.href);
      }
      return module;
    }
    document.addEventListener("click", function (evenement) {
      var cible = evenement.target.closest && evenement.target.closest("[data-avant-export]");
      if (!cible || cible.dataset.avertiOk === "1") return;
      evenement.preventDefault();
      avertissement().then(function (m) {
        return m.confirmerExport(cible.dataset.avantExport, cible);
      }).then(function (ok) {
        if (!ok) return;
        if (cible.dataset.avantExport === "impression" && cible.tagName !== "A") {
          window.print();
          return;
        }
        cible.dataset.avertiOk = "1"; // laisse passer ce clic-ci, puis réarme
        cible.click();
        delete cible.dataset.avertiOk;
      });
    });
  });
})();
