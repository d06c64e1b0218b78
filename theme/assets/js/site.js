// The quick exit, on every page: the button « Quitter rapidement », or the Shift key three times.
// A classic script loaded in <head> without defer: the class « js » is set before the first paint
// (the folded menu does not « jump » on a phone) and the exit answers from the start of the load,
// before the end of the HTML. Everything else of the page waits for page.mjs (a module).
// No storage, no request to another origin.
//
// Escape is NOT a shortcut: the browser uses it to stop loading a page (two panicked Escapes
// would cancel the exit itself), to close menus and dialogs, and screen readers use it.
//
// Its strings are French by default; a page in another language gives them in its JSON block
// #textes-composants (key "SortieRapide"), read here as by the modules (composants/composant.mjs).
"use strict";

(function () {
  var racine = document.documentElement;
  racine.classList.add("js");

  // Written in ES5 on purpose: the exit must work in a browser too old for the site's modules.
  function SortieRapide(config) {
    var defauts = SortieRapide.defaults.i18n;
    var donnes = (config && config.i18n) || {};
    this.i18n = {};
    for (var cle in defauts) this.i18n[cle] = typeof donnes[cle] === "string" ? donnes[cle] : defauts[cle];
    this.compte = 0;
    this.minuteur = null;
    this.majModificateur = false; // Shift held during another key (Shift+A): not a press
    this.titre = null; // the page's title, while the exit is under way
  }

  SortieRapide.nom = "SortieRapide";
  SortieRapide.APPUIS = 3;
  SortieRapide.FENETRE_MS = 5000; // each press leaves 5 s for the next one
  SortieRapide.defaults = Object.freeze({
    i18n: Object.freeze({
      appuyezEncore: "Appuyez encore {n} fois sur Maj pour quitter le site.",
      annulee: "Sortie rapide annulée.",
      titreNeutre: "Nouvel onglet",
    }),
  });

  /** The page's texts for this component (see composants/composant.mjs), {} without a block. */
  SortieRapide.textesDeLaPage = function () {
    var bloc = document.getElementById("textes-composants");
    if (!bloc) return {};
    try {
      return JSON.parse(bloc.textContent)[SortieRapide.nom] || {};
    } catch (erreur) {
      return {};
    }
  };

  SortieRapide.prototype.bouton = function () {
    return document.getElementById("sortie-rapide");
  };

  SortieRapide.prototype.annonce = function (texte) {
    var statut = document.getElementById("sortie-rapide-statut");
    if (statut) statut.textContent = texte;
  };

  SortieRapide.prototype.quitte = function (evenement) {
    var lien = this.bouton();
    if (!lien) return; // not in the page yet: the plain link will do
    if (evenement) evenement.preventDefault();
    // At once, before the next page answers: nothing left on screen, a neutral tab title.
    // Then the page is REPLACED in the history.
    racine.classList.add("sortie-en-cours");
    if (this.titre === null) this.titre = document.title;
    document.title = this.i18n.titreNeutre;
    window.location.replace(lien.href);
  };

  SortieRapide.prototype.remetAZero = function (message) {
    this.compte = 0;
    clearTimeout(this.minuteur);
    this.minuteur = null;
    var lien = this.bouton();
    if (lien) lien.classList.remove("appuis-1", "appuis-2");
    if (message !== undefined) this.annonce(message);
  };

  SortieRapide.prototype.appuiMaj = function () {
    var moi = this;
    this.compte += 1;
    clearTimeout(this.minuteur);
    if (this.compte >= SortieRapide.APPUIS) {
      this.remetAZero();
      this.quitte();
      return;
    }
    var lien = this.bouton();
    if (lien) {
      lien.classList.remove("appuis-1", "appuis-2");
      lien.classList.add("appuis-" + this.compte);
    }
    this.annonce(this.i18n.appuyezEncore.replace("{n}", String(SortieRapide.APPUIS - this.compte)));
    this.minuteur = setTimeout(function () { moi.remetAZero(moi.i18n.annulee); }, SortieRapide.FENETRE_MS);
  };

  /** Listened to on the document (capture), so active before the button is even parsed. */
  SortieRapide.prototype.ecoute = function () {
    var moi = this;
    document.addEventListener("click", function (evenement) {
      if (evenement.target.closest && evenement.target.closest("#sortie-rapide")) moi.quitte(evenement);
    }, true);
    document.addEventListener("keydown", function (evenement) {
      if (evenement.key === "Shift") {
        if (!evenement.repeat) moi.majModificateur = false;
        return;
      }
      // Any other key: the series starts again (and a held Shift becomes a modifier).
      if (evenement.shiftKey) moi.majModificateur = true;
      if (moi.compte > 0) moi.remetAZero("");
    }, true);
    document.addEventListener("keyup", function (evenement) {
      if (evenement.key !== "Shift") return;
      if (moi.majModificateur) {
        moi.majModificateur = false;
        return;
      }
      moi.appuiMaj();
    }, true);
    // Shift+click (selecting text): Shift is a modifier there too.
    document.addEventListener("mousedown", function (evenement) {
      if (evenement.shiftKey) moi.majModificateur = true;
    }, true);
    // Back on this page through « Back » or « Forward » (the browser's cache): the page is normal again.
    window.addEventListener("pageshow", function () {
      if (moi.titre !== null) document.title = moi.titre;
      racine.classList.remove("sortie-en-cours");
      moi.remetAZero("");
    });
  };

  new SortieRapide({ i18n: SortieRapide.textesDeLaPage() }).ecoute();
})();
