// A form filled in this page (Cerfa 16146 in the interview, Cerfa 15458 on « Préparer une
// requête ») offered to the person: open it to print, or save it under a neutral name she can
// change — each only after the warning (Export). One copy of this for every filled form.
//
//   const offre = new OffrePdf(zone, {export: sortie, i18n: {ouvrir: "…", enregistrer: "…"}});
//   offre.propose(octets)   // the filled PDF (Uint8Array): the two actions replace the zone's content
//   offre.oublie()          // its blob: address revoked, the actions removed

import { Composant } from "./composant.mjs";
import { el } from "./dom.mjs";
import { Export } from "./export.mjs";

/** The name typed by the person, made safe for a file system; `neutre` when empty. */
function nomDeFichier(saisi, neutre) {
  let nom = saisi.trim().replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-") || neutre;
  if (!/\.pdf$/i.test(nom)) nom += ".pdf";
  return nom;
}

export class OffrePdf extends Composant {
  static nom = "OffrePdf";
  static defaults = Object.freeze({
    i18n: Object.freeze({
      ouvrir: "Ouvrir le PDF pour le lire et l'imprimer",
      enregistrer: "Enregistrer le PDF",
      aideOuvrir: "Il s'ouvre dans un nouvel onglet : imprimez avec le bouton du lecteur de PDF. "
        + "«\u00a0Quitter rapidement\u00a0» ne ferme pas cet onglet : fermez-le dès que c'est imprimé.",
      nomDuFichier: "Nom du fichier",
      aideNom: "Un nom qui ne dit rien de la démarche ; vous pouvez le changer. Un fichier enregistré reste sur cet appareil.",
    }),
  });

  /** `zone`: an element with an id; `export`: the page's Export (one is made on the zone otherwise). */
  constructor(zone, config = {}) {
    super(zone, config);
    if (!zone.id) throw new Error("OffrePdf : la zone doit avoir un id");
    this.sortie = config.export ?? new Export(zone);
    this.url = null;
  }

  propose(octets) {
    this.oublie();
    const url = URL.createObjectURL(new Blob([octets], { type: "application/pdf" }));
    this.url = url;
    const id = `${this.racine.id}-nom`;
    const neutre = this.sortie.config.nomsNeutres.pdf;
    const ouvrir = el("button", { type: "button", classe: "bouton-principal" }, this.t("ouvrir"));
    // A new tab, so that the reader's own print button prints the form as it is; it stays open
    // after « Quitter rapidement »: the warning says so before, the sentence below too.
    ouvrir.addEventListener("click", () => this.sortie.ouvre(url, ouvrir));
    const champ = el("input", { type: "text", id, value: neutre, autocomplete: "off", spellcheck: "false",
      "aria-describedby": `${id}-aide` });
    const enregistrer = el("button", { type: "button", classe: "bouton-secondaire" }, this.t("enregistrer"));
    enregistrer.addEventListener("click", async () => {
      const nom = nomDeFichier(champ.value, neutre);
      if (await this.sortie.confirme("pdf", enregistrer)) this.sortie.enregistre(url, nom);
    });
    this.racine.replaceChildren(
      el("p", { classe: "pdf-offert-ouvrir" }, ouvrir),
      el("p", { classe: "aide" }, this.t("aideOuvrir")),
      el("div", { classe: "pdf-offert-enregistrer" },
        el("label", { for: id }, this.t("nomDuFichier")),
        el("p", { classe: "aide", id: `${id}-aide` }, this.t("aideNom")),
        champ, " ", enregistrer),
    );
    this.racine.classList.add("pdf-offert");
  }

  oublie() {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
    this.racine.replaceChildren();
  }
}
