// Everything that leaves the page — a file (.ics, PDF), a PDF opened in a new tab, a print — goes
// through here, after a short warning: « Continuer » or « Annuler ». Nothing is remembered (no
// « ne plus afficher »): the person reading may not be the one who read last time.
//
//   const sortie = new Export(section);          // also handles [data-avant-export] under `section`
//   await sortie.telecharge(texte, {genre: "ics", type: "text/calendar"})   // neutral name: agenda.ics
//   await sortie.ouvre(blobUrl, declencheur)     // « onglet » warning, then a new tab
//   await sortie.imprime(declencheur, "annexe")  // « impression » warning, then print (<html data-imprime>)
//
// Declared in the markup, with no script of the page's own:
//   <a href="…pdf" download="document.pdf" data-avant-export="pdf">         warning, then the download
//   <a href="…pdf" data-avant-export="onglet">                              warning, then a new tab (a blank form)
//   <button type="button" data-avant-export="impression" [data-imprime="x"]> warning, then print
// A click is handled by the nearest Export above it (a tool's own, else the page's: page.mjs).
// The box itself: dialogue.mjs.

import { Composant } from "./composant.mjs";
import { demande } from "./dialogue.mjs";
import { el } from "./dom.mjs";

const GENRES = Object.freeze(["ics", "pdf", "onglet", "impression"]);

export class Export extends Composant {
  static nom = "Export";
  static defaults = Object.freeze({
    // Default file names: neither procedure, nor court, nor violence.
    nomsNeutres: Object.freeze({ ics: "agenda.ics", pdf: "document.pdf" }),
    i18n: Object.freeze({
      continuer: "Continuer",
      annuler: "Annuler",
      ics: Object.freeze({
        titre: "Avant d'ajouter ces dates à un agenda",
        lignes: Object.freeze([
          "Un agenda est souvent partagé ou synchronisé (téléphone, ordinateur, compte Google, Apple ou Microsoft) : une personne qui y a accès verra ces rendez-vous.",
          "Le fichier reste aussi dans le dossier «\u00a0Téléchargements\u00a0» de cet appareil.",
        ]),
      }),
      pdf: Object.freeze({
        titre: "Avant de télécharger ce document",
        lignes: Object.freeze([
          "Le fichier restera dans le dossier «\u00a0Téléchargements\u00a0» de cet appareil, et parfois dans un espace en ligne synchronisé.",
          "Si quelqu'un d'autre peut utiliser cet appareil, effacez-le après usage.",
        ]),
      }),
      // A PDF (filled, or a blank form) opened in the browser's reader, to be read or printed.
      onglet: Object.freeze({
        titre: "Avant d'ouvrir ce document",
        lignes: Object.freeze([
          "Il s'ouvre dans un nouvel onglet, qui reste ouvert : le bouton «\u00a0Quitter rapidement\u00a0» ne ferme pas cet onglet. Son titre et son contenu restent visibles jusqu'à ce que vous le fermiez : fermez-le vous-même dès que le document est lu ou imprimé.",
          "Sur certains téléphones, il est enregistré dans «\u00a0Téléchargements\u00a0» au lieu de s'ouvrir : effacez-le après usage si quelqu'un d'autre peut utiliser cet appareil.",
        ]),
      }),
      impression: Object.freeze({
        titre: "Avant d'imprimer",
        lignes: Object.freeze([
          "Une page imprimée peut être trouvée : gardez-la en lieu sûr.",
          "Une imprimante partagée (au travail, chez un proche) peut garder une copie.",
        ]),
      }),
    }),
  });

  constructor(racine, config = {}) {
    super(racine, config);
    racine.dataset.racineExport = "";
    racine.addEventListener("click", (evenement) => this.clicDeclare(evenement));
  }

  /** A click on a [data-avant-export] element: held until the person continues. */
  async clicDeclare(evenement) {
    const cible = evenement.target.closest?.("[data-avant-export]");
    if (!cible || cible.closest("[data-racine-export]") !== this.racine || cible.dataset.avertiOk === "1") return;
    evenement.preventDefault();
    const genre = cible.dataset.avantExport;
    if (genre === "impression" && cible.tagName !== "A") {
      await this.imprime(cible, cible.dataset.imprime);
      return;
    }
    if (genre === "onglet") {
      await this.ouvre(cible.href, cible);
      return;
    }
    if (!(await this.confirme(genre, cible))) return;
    cible.dataset.avertiOk = "1"; // lets this one click through, then re-arms
    cible.click();
    delete cible.dataset.avertiOk;
  }

  /**
   * The warning for `genre` ("ics", "pdf", "onglet", "impression"): true when the person continues,
   * false when she cancels (button, Escape) or when another box is already open. The focus
   * then goes back to `declencheur` (by default, the element that had it).
   */
  confirme(genre, declencheur = document.activeElement) {
    if (!GENRES.includes(genre)) throw new Error(`Export : genre inconnu «\u00a0${genre}\u00a0»`);
    return demande({ titre: this.t(`${genre}.titre`), lignes: this.config.i18n[genre].lignes,
      oui: this.t("continuer"), non: this.t("annuler"), declencheur, classe: "avant-export" });
  }

  /** Warns, then offers `contenu` (text or Blob) as a file; nothing is sent anywhere. */
  async telecharge(contenu, { genre, nom = this.config.nomsNeutres[genre], type = "application/octet-stream", declencheur } = {}) {
    if (!(await this.confirme(genre, declencheur))) return false;
    const blob = contenu instanceof Blob ? contenu : new Blob([contenu], { type });
    const url = URL.createObjectURL(blob);
    this.enregistre(url, nom);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  }

  /** The download itself of an address already made (a blob: the page keeps). */
  enregistre(url, nom) {
    const lien = el("a", { href: url, download: nom, hidden: true });
    document.body.append(lien);
    lien.click();
    lien.remove();
  }

  /** Warns that a tab stays open, its title and content with it (« Quitter rapidement » does not close
   *  it), then opens `url` in it: a filled PDF (a blob: address) or a blank form of the site. */
  async ouvre(url, declencheur) {
    if (!(await this.confirme("onglet", declencheur))) return false;
    window.open(url, "_blank", "noopener");
    return true;
  }

  /** Warns, then prints; `partie` names what alone is printed (<html data-imprime>, theme CSS). */
  async imprime(declencheur, partie) {
    if (!(await this.confirme("impression", declencheur))) return false;
    const racine = document.documentElement;
    if (partie) {
      racine.dataset.imprime = partie;
      window.addEventListener("afterprint", () => { delete racine.dataset.imprime; }, { once: true });
    }
    window.print();
    return true;
  }
}
