// « Vos documents », at the end of the OP request: what to check, what is still empty, advice, the
// filled request (PDF), the statement of facts with the list of exhibits (to print, sign and
// join), and what to bring. Built from the engine's answer with text nodes only.

import { Composant } from "../composants/composant.mjs";
import { el, montreEnHaut } from "../composants/dom.mjs";

export class Documents extends Composant {
  static nom = "DocumentsOp";
  static defaults = Object.freeze({
    i18n: Object.freeze({
      titre: "Vos documents",
      aVerifier: "À vérifier avant d'imprimer",
      aCompleter: "Encore vide : à compléter ici, ou à la main sur la requête",
      conseils: "Conseils",
      requete: "La requête (Cerfa 15458*07) pré-remplie",
      relisez: "Relisez-la, complétez à la main ce qui manque, datez et signez. ",
      adressePresente: "Votre adresse y figure.",
      // « n'y figure pas » only after a check made with the address given (pyscripts/op/adresse.py).
      adresseAbsente: "Votre adresse n'y figure pas : chacune de vos réponses a été comparée avec elle.",
      adresseNonVerifiee: "Votre adresse n'est pas imprimée dans les cases prévues pour elle. Vous ne l'avez pas "
        + "donnée : la page n'a pas pu vérifier qu'elle n'apparaît pas ailleurs. Relisez chaque texte avant d'imprimer.",
      garde: "Vous avez choisi de garder ce texte.",
      ensuite: "Ensuite, déposez-la avec vos pièces : ",
      ensuiteLien: "où et comment",
      annexeSection: "L'exposé des faits et le bordereau des pièces",
      annexeConsigne: "Le bordereau est la liste numérotée des pièces (vos preuves) que vous joignez à la requête. "
        + "L'exposé et le bordereau sont dans le PDF de la requête, à la suite, s'ils ne tiennent pas dans ses cases : "
        + "un seul document à imprimer, numéroté «\u00a0page n / N\u00a0». Joignez les pièces numérotées dans l'ordre "
        + "du bordereau. Pour relire ici :",
      imprimerAApporter: "Imprimer la liste de ce qu'il faut apporter",
      annexeTitre: "Annexe à la requête en vue d'une ordonnance de protection",
      expose: "Exposé des faits",
      aucunFait: "Aucun fait saisi.",
      danger: "Le danger aujourd'hui : ",
      bordereau: "Bordereau des pièces jointes",
      bordereauRegion: "Tableau : bordereau des pièces",
      numero: "N°",
      piece: "Pièce",
      citee: "Citée au fait n°",
      aucunePiece: "Aucune pièce saisie.",
      faitA: "Fait à {lieu}, le {date}.",
      pointilles: "……………………",
      signature: "Signature :",
      aApporter: "Ce qu'il faut apporter",
      auGreffe: "Au greffe du juge aux affaires familiales, avec la requête",
      aLAudience: "À l'audience",
      pratique: "Interprète, attente séparée, si vous ne pouvez pas venir : ",
      pratiqueLien: "l'audience en pratique",
      pratiqueSuite: " (une autre page : imprimez d'abord vos documents, ils y seraient effacés).",
    }),
  });

  /** `racine`: #op-resultat (data-calendrier: the page on the hearing). `vaA(bloc)`: show a question's step and
   *  focus it. `depot`: the <template> of where and how to file the request (theme/partials/depot.html). */
  constructor(racine, { vaA, depot }) {
    super(racine);
    this.vaA = vaA;
    this.depot = depot;
  }

  /** The documents for the engine's result `r`, from input `entree`; `blocDe(champ)` finds a question. */
  montre(r, entree, blocDe) {
    const section = (titre, ...contenu) => el("section", {}, titre ? el("h3", {}, titre) : null, ...contenu);
    const imprimer = (texte, partie) => el("div", { classe: "outil-boutons" },
      el("button", { type: "button", classe: "bouton-secondaire", "data-avant-export": "impression", "data-imprime": partie }, texte));
    this.racine.replaceChildren(...[
      el("h2", { tabindex: "-1", id: "op-documents-titre" }, this.t("titre")),
      r.avertissements.length ? el("section", { classe: "op-a-verifier" }, el("h3", {}, this.t("aVerifier")),
        this.liste(r.avertissements.map((a) => (a.confirme ? { ...a, message: `${a.message} ${this.t("garde")}` } : a)),
          blocDe)) : null,
      r.a_completer.length ? section(this.t("aCompleter"),
        this.liste(r.a_completer.map((a) => ({ champ: a.champ, libelle: a.libelle })), blocDe)) : null,
      r.conseils.length ? section(this.t("conseils"),
        el("ul", {}, r.conseils.map((c) => el("li", {}, c.texte, el("span", { classe: "source" }, ` (${c.article})`))))) : null,
      el("section", { classe: "op-requete" }, el("h3", {}, this.t("requete")),
        el("p", {}, this.t("relisez"), this.t(!r.adresse_cachee ? "adressePresente"
          : r.adresse_verifiee ? "adresseAbsente" : "adresseNonVerifiee")),
        el("p", {}, this.t("ensuite"), el("a", { href: "#op-depot" }, this.t("ensuiteLien")), "."),
        el("div", { id: "op-boutons-pdf" })),
      this.depot.content.cloneNode(true),
      section(this.t("annexeSection"), el("p", {}, this.t("annexeConsigne")), this.annexe(r, entree.valeurs)),
      section(null, imprimer(this.t("imprimerAApporter"), "a-apporter"), this.aApporter(r)),
    ].filter(Boolean));
    montreEnHaut(this.racine.querySelector("h2"));
  }

  /** Each item a link to its question (its step shown), when the question is found. */
  liste(elements, blocDe) {
    return el("ul", {}, elements.map((a) => {
      const bloc = blocDe(a.champ);
      if (!bloc) return el("li", {}, a.message || a.libelle);
      const lien = el("a", { href: "#op-formulaire" }, a.message || a.libelle);
      lien.addEventListener("click", (evenement) => {
        evenement.preventDefault();
        this.vaA(bloc);
      });
      return el("li", {}, lien);
    }));
  }

  /** The statement of facts and the list of exhibits: the annex to print, sign and join to the request. */
  annexe(r, valeurs) {
    const faits = r.expose.paragraphes.map((p) => el("li", { value: String(p.numero) }, p.texte));
    const bordereau = el("table", { classe: "op-bordereau" },
      el("thead", {}, el("tr", {}, ["numero", "piece", "citee"].map((cle) => el("th", { scope: "col" }, this.t(cle))))),
      el("tbody", {}, r.bordereau.map((p) => el("tr", {}, el("td", {}, String(p.numero)), el("td", {}, p.designation),
        el("td", {}, p.citee_par.join(", ") || "—")))));
    const vide = this.t("pointilles");
    return el("article", { classe: "op-annexe", id: "op-annexe", "aria-labelledby": "op-annexe-titre" },
      el("h3", { id: "op-annexe-titre" }, this.t("annexeTitre")),
      el("h4", {}, this.t("expose")),
      faits.length ? el("ol", { classe: "op-expose" }, faits) : el("p", {}, this.t("aucunFait")),
      r.expose.danger ? el("p", {}, el("strong", {}, this.t("danger")), r.expose.danger) : null,
      el("h4", {}, this.t("bordereau")),
      r.bordereau.length ? el("div", { classe: "tableau", role: "region", tabindex: "0", "aria-label": this.t("bordereauRegion") }, bordereau)
        : el("p", {}, this.t("aucunePiece")),
      el("p", { classe: "op-signature" }, this.t("faitA", { lieu: valeurs.fait_a || vide, date: valeurs.fait_le || vide })),
      el("p", { classe: "op-signature" }, this.t("signature")));
  }

  aApporter(r) {
    const liste = (lignes) => el("ul", {}, lignes.map((l) => el("li", {}, el("strong", {}, l.quoi), " — ", l.pourquoi)));
    return el("article", { classe: "op-a-apporter", id: "op-a-apporter", "aria-labelledby": "op-a-apporter-titre" },
      el("h3", { id: "op-a-apporter-titre" }, this.t("aApporter")),
      el("h4", {}, this.t("auGreffe")), liste(r.a_apporter.greffe),
      el("h4", {}, this.t("aLAudience")), liste(r.a_apporter.audience),
      el("p", { classe: "op-hors-impression" }, this.t("pratique"),
        el("a", { href: this.racine.dataset.calendrier }, this.t("pratiqueLien")), this.t("pratiqueSuite")));
  }
}
