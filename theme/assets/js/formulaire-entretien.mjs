// The guided interview of an official form (theme/formulaires/entretien.html), generic: steps,
// conditions, required answers, errors next to their field, then the filled PDF from the Pyodide
// worker (pypdf) offered as a Blob, and the personal list of supporting documents.
//
// State lives in this page's memory only: no cookie, no Web Storage, no URL parameter. Leaving or
// reloading the page loses everything, as the interview says at its start.
//
//   lanceEntretien({racine, outils, contexte, prerempli}) → {efface()}
//     The interview's form lives in a <template> until « Préparer ma demande »; efface() takes it
//     out of the page again, with every answer and the PDF.
//     outils     {appelle(outil, entree)} from outils.mjs (the page's one worker)
//     contexte() → extra input for formulaire_pieces (e.g. {simulateur: …})
//     prerempli() → Promise<{valeurs, rappels}> | null : answers carried over when the interview opens

import { el } from "./outil-commun.mjs";
import { confirme, depuisBase64, offrePdf, vierge } from "./outil-pdf.mjs";

const ERREUR_OUTIL = "Le formulaire n'a pas pu être préparé dans ce navigateur. Vous pouvez imprimer le formulaire vierge et le remplir à la main.";

export function lanceEntretien({ racine, outils, contexte = () => ({}), prerempli = () => null }) {
  const accueil = racine.querySelector(".entretien-accueil");
  const commencer = accueil.querySelector("[data-action=commencer]");
  const modele = racine.querySelector("template.entretien-modele");
  let monte = null; // the interview in the page, from its <template>, while the person uses it

  commencer.addEventListener("click", async () => {
    commencer.disabled = true;
    const contenu = modele.content.cloneNode(true);
    const noeuds = [...contenu.children];
    racine.append(contenu);
    monte = entretien({ racine, noeuds, outils, contexte });
    try {
      monte.applique(await prerempli());
    } catch (erreur) {
      console.error(erreur); // carrying answers over is a help, not a condition
    }
    accueil.hidden = true;
    monte.ouvre();
  });

  return {
    /** Every answer and the PDF forgotten: the interview leaves the page (a shared device, the next person). */
    efface() {
      monte?.retire();
      monte = null;
      accueil.hidden = false;
      commencer.disabled = false;
    },
  };
}

/** The interview mounted from its template: `noeuds` are its form and its result block. */
function entretien({ racine, noeuds, outils, contexte }) {
  const formulaire = racine.querySelector("form");
  const etapes = [...formulaire.querySelectorAll(".entretien-etape")];
  const puces = [...formulaire.querySelectorAll(".entretien-etapes li")];
  const resume = formulaire.querySelector(".entretien-erreurs");
  const etat = formulaire.querySelector(".entretien-etat");
  const resultat = racine.querySelector(".entretien-resultat");
  const bouton = (action) => racine.querySelector(`[data-action=${action}]`);
  const identifiant = racine.dataset.formulaire;
  let courante = 0;
  let pdf = null; // the filled PDF offered (outil-pdf.mjs), while the result is shown

  // ── Answers: the form's field names ──────────────────────────────────────

  /** The control holding box `nom`: a checkbox named so, or a radio whose value is it. */
  const caseNommee = (nom) => formulaire.querySelector(`input[type=checkbox][name="${nom}"], input[type=radio][value="${nom}"]`);
  const cochee = (nom) => Boolean(caseNommee(nom)?.checked);

  function actif(noeud) {
    for (let n = noeud; n && n !== formulaire; n = n.parentElement) {
      if (n.dataset.si && !n.dataset.si.split(" ").some(cochee)) return false;
      if (n.dataset.saufSi && n.dataset.saufSi.split(" ").some(cochee)) return false;
    }
    return true;
  }

  function appliqueConditions() {
    for (const bloc of formulaire.querySelectorAll("[data-si], [data-sauf-si]")) bloc.hidden = !actif(bloc);
  }

  /** {nom: texte | true}: filled texts and ticked boxes of the questions that apply. */
  function valeurs(portee = formulaire) {
    const sortie = {};
    for (const champ of portee.querySelectorAll("input, textarea")) {
      if (!champ.name || !actif(champ) || champ.closest(".rangee[hidden]")) continue;
      if (champ.type === "radio") {
        if (champ.checked) sortie[champ.value] = true;
      } else if (champ.type === "checkbox") {
        if (champ.checked) sortie[champ.name] = true;
      } else if (champ.value.trim()) {
        sortie[champ.name] = champ.value.trim();
      }
    }
    return sortie;
  }

  function applique(donnees = {}) {
    for (const [nom, valeur] of Object.entries(donnees.valeurs || {})) {
      if (typeof valeur === "boolean") {
        const boite = caseNommee(nom);
        if (boite) boite.checked = valeur;
      } else {
        const champ = formulaire.elements.namedItem(nom);
        if (champ && "value" in champ) champ.value = valeur;
        champ?.closest?.(".rangee")?.removeAttribute("hidden");
      }
    }
    for (const [nom, texte] of Object.entries(donnees.rappels || {})) {
      const rappel = formulaire.querySelector(`[data-rappel="${nom}"]`);
      if (rappel) {
        rappel.textContent = texte;
        rappel.hidden = false;
      }
    }
    appliqueConditions();
  }

  // ── Errors next to their question ────────────────────────────────────────

  function effaceErreurs() {
    resume.hidden = true;
    resume.replaceChildren();
    for (const p of formulaire.querySelectorAll(".erreur-champ")) p.remove();
    for (const bloc of formulaire.querySelectorAll(".champ-en-erreur")) bloc.classList.remove("champ-en-erreur");
    for (const c of formulaire.querySelectorAll("[aria-invalid], fieldset[aria-describedby]")) {
      c.removeAttribute("aria-invalid");
      const ids = (c.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-erreur"));
      if (ids.length) c.setAttribute("aria-describedby", ids.join(" "));
      else c.removeAttribute("aria-describedby");
    }
  }

  function blocDe(nom) {
    const controle = formulaire.querySelector(`[name="${nom}"], input[type=radio][value="${nom}"]`);
    return controle?.closest("[data-champ]") || null;
  }

  const libelleDe = (bloc) => bloc.querySelector("legend, label").textContent.replace(/\(obligatoire\)/, "").replace(/\s+/g, " ").trim();

  function marque(bloc, message) {
    const premier = bloc.querySelector("input, textarea");
    const id = `${premier.id}-erreur`;
    if (document.getElementById(id)) return null;
    const texte = el("p", { classe: "erreur-champ", id }, el("span", { classe: "visuellement-cache" }, "Erreur : "), message);
    bloc.querySelector(":scope > legend, :scope > label, :scope > .choix").after(texte);
    bloc.classList.add("champ-en-erreur");
    // A group: its own boxes (not the questions nested under an option) and the <fieldset>.
    const controles = bloc.tagName === "FIELDSET" ? [bloc, ...bloc.querySelectorAll(":scope > .choix > input")]
      : [...bloc.querySelectorAll("input, textarea")];
    for (const c of controles) {
      if (c !== bloc) c.setAttribute("aria-invalid", "true");
      c.setAttribute("aria-describedby", [id, c.getAttribute("aria-describedby")].filter(Boolean).join(" "));
    }
    return { bloc, message, cible: premier };
  }

  function montreErreurs(erreurs) {
    const liens = erreurs.filter(Boolean).map(({ bloc, message, cible }) => {
      const lien = el("a", { href: `#${cible.id}` }, `${libelleDe(bloc)} : ${message}`);
      lien.addEventListener("click", (evenement) => {
        evenement.preventDefault();
        cible.focus();
      });
      return el("li", {}, lien);
    });
    if (!liens.length) return;
    resume.replaceChildren(el("h3", {}, "Vérifiez vos réponses"), el("ul", {}, liens));
    resume.hidden = false;
    resume.focus();
  }

  /** Required questions of the visible step left empty. */
  function manquants(etape) {
    const erreurs = [];
    for (const bloc of etape.querySelectorAll("[data-champ]")) {
      if (!actif(bloc)) continue;
      const requis = bloc.querySelector(":scope > input[required], :scope > .saisie-unite > input[required], :scope > textarea[required], :scope > .choix > input[required]");
      if (!requis) continue;
      const vide = requis.type === "radio"
        ? ![...bloc.querySelectorAll(":scope > .choix > input[type=radio]")].some((r) => r.checked)
        : !requis.value.trim();
      if (vide) erreurs.push(marque(bloc, "Répondez à cette question."));
    }
    return erreurs;
  }

  /** The engine's verdict on some answers, with the checks of the final PDF (its fonts, its boxes):
   *  true, or the error shown next to its field (and its step opened). An answer that will continue
   *  on an annex page is said next to its field; the first time, the person stays to read it. */
  async function verifie(donnees, { arrete = false } = {}) {
    const entree = { formulaire: identifiant, valeurs: donnees, pdf: await vierge(racine.dataset.pdf) };
    const reponse = await outils.appelle("formulaire_verifier", entree);
    if (reponse.erreur) {
      montreErreurDuMoteur(reponse.erreur);
      return false;
    }
    const nouvelles = montreAnnexes(reponse.resultat?.annexes || []);
    if (arrete && nouvelles) {
      etat.textContent = "Certaines réponses continueront sur une page d'annexe du PDF (voir à côté de ces questions) : "
        + "rien n'est perdu. Cliquez à nouveau pour continuer.";
      return false;
    }
    return true;
  }

  /** Notes next to the answers that continue on an annex page; true if one is new. */
  function montreAnnexes(annexes) {
    let nouvelle = false;
    for (const { champ, message } of annexes) {
      const bloc = blocDe(champ);
      if (!bloc) continue;
      const deja = bloc.querySelector(":scope > .annonce-annexe");
      if (deja?.textContent === message) continue;
      deja?.remove();
      bloc.append(el("p", { classe: "annonce-annexe" }, message));
      nouvelle = true;
    }
    return nouvelle;
  }

  function montreErreurDuMoteur({ champ, message }) {
    const bloc = blocDe(champ);
    const etape = bloc?.closest(".entretien-etape");
    if (etape) va(etapes.indexOf(etape), { focus: false });
    if (bloc) montreErreurs([marque(bloc, message)]);
    else etat.textContent = message;
  }

  // ── Steps ────────────────────────────────────────────────────────────────

  function va(index, { focus = true } = {}) {
    courante = index;
    etapes.forEach((etape, i) => { etape.hidden = i !== index; });
    puces.forEach((puce, i) => {
      if (i === index) puce.setAttribute("aria-current", "step");
      else puce.removeAttribute("aria-current");
      puce.classList.toggle("faite", i < index);
    });
    bouton("precedent").hidden = index === 0;
    bouton("suivant").hidden = index === etapes.length - 1;
    bouton("obtenir").hidden = index !== etapes.length - 1;
    etat.textContent = "";
    if (focus) {
      const legende = etapes[index].querySelector("legend");
      legende.tabIndex = -1;
      legende.focus();
    }
  }

  async function suivant() {
    effaceErreurs();
    const erreurs = manquants(etapes[courante]);
    if (erreurs.length) return montreErreurs(erreurs);
    etat.textContent = "Vérification de vos réponses…";
    let bonnes;
    try {
      bonnes = await verifie(valeurs(etapes[courante]), { arrete: true });
    } catch {
      return panne();
    }
    etat.textContent = "";
    if (!bonnes) return;
    va(courante + 1);
  }

  function panne() {
    etat.replaceChildren(ERREUR_OUTIL, " ", el("a", { href: racine.dataset.pdf }, "Le formulaire vierge (PDF)"), ".");
  }

  // ── The filled PDF and the list of documents ─────────────────────────────

  /** When the interview opens: pypdf loaded and the blank PDF read (a few seconds of the worker)
   *  while the person answers the first step; « Obtenir le formulaire » then only fills. */
  function prepare() {
    vierge(racine.dataset.pdf).then((base64) => outils.appelle("formulaire_preparer", { formulaire: identifiant, pdf: base64 }))
      .then(() => { racine.dataset.pdfPret = ""; }) // seen by tests/bench/bench_formulaire.py
      .catch((erreur) => console.error(erreur)); // « Obtenir le formulaire » will try again and say so
  }

  async function obtenir() {
    effaceErreurs();
    const erreurs = manquants(etapes[courante]);
    if (erreurs.length) return montreErreurs(erreurs);
    const donnees = valeurs();
    bouton("obtenir").disabled = true;
    etat.textContent = "Préparation du formulaire… La première fois, cela prend quelques secondes.";
    try {
      if (!(await verifie(donnees))) return;
      const [rempli, pieces] = await Promise.all([
        outils.appelle("formulaire_remplir", { formulaire: identifiant, valeurs: donnees, pdf: await vierge(racine.dataset.pdf) }),
        outils.appelle("formulaire_pieces", { ...contexte(), valeurs: donnees }),
      ]);
      if (rempli.erreur) return montreErreurDuMoteur(rempli.erreur);
      montreResultat(depuisBase64(rempli.resultat.pdf), pieces.resultat || []);
    } catch (erreur) {
      console.error(erreur);
      panne();
    } finally {
      bouton("obtenir").disabled = false;
    }
  }

  function montreResultat(octets, pieces) {
    pdf?.oublie();
    pdf = offrePdf(racine.querySelector(".entretien-pdf"), octets,
      { ouvrir: "Ouvrir le formulaire pour le lire et l'imprimer", enregistrer: "Enregistrer le PDF" });
    const groupes = new Map();
    for (const piece of pieces) {
      if (!groupes.has(piece.tableau)) groupes.set(piece.tableau, []);
      groupes.get(piece.tableau).push(el("li", {}, piece.piece, el("span", { classe: "pourquoi" }, piece.pourquoi)));
    }
    racine.querySelector(".pieces-liste").replaceChildren(...[...groupes].map(([titre, items]) =>
      [el("h4", {}, titre), el("ul", {}, items)]).flat());
    formulaire.hidden = true;
    resultat.hidden = false;
    etat.textContent = "";
    resultat.querySelector("h3").focus();
  }

  async function imprimePieces() {
    if (!(await confirme("impression", bouton("imprimer-pieces")))) return;
    document.body.classList.add("impression-pieces");
    window.addEventListener("afterprint", () => document.body.classList.remove("impression-pieces"), { once: true });
    window.print();
  }

  // ── Wiring ───────────────────────────────────────────────────────────────

  bouton("suivant").addEventListener("click", suivant);
  bouton("precedent").addEventListener("click", () => { effaceErreurs(); va(courante - 1); });
  bouton("obtenir").addEventListener("click", obtenir);
  bouton("imprimer-pieces").addEventListener("click", imprimePieces);
  bouton("modifier").addEventListener("click", () => {
    resultat.hidden = true;
    formulaire.hidden = false;
    va(etapes.length - 1);
  });
  for (const ajout of formulaire.querySelectorAll("[data-action=ajouter-rangee]")) {
    ajout.addEventListener("click", () => {
      const cachee = ajout.closest(".champ-tableau").querySelector(".rangee[hidden]");
      if (!cachee) return;
      cachee.hidden = false;
      cachee.querySelector("input").focus();
      ajout.hidden = !ajout.closest(".champ-tableau").querySelector(".rangee[hidden]");
    });
  }
  formulaire.addEventListener("change", appliqueConditions);

  const revoque = () => { pdf?.oublie(); pdf = null; };
  window.addEventListener("pagehide", revoque);
  appliqueConditions();
  return {
    applique,
    ouvre() {
      formulaire.hidden = false;
      va(0);
      prepare();
    },
    retire() {
      delete racine.dataset.pdfPret;
      revoque();
      window.removeEventListener("pagehide", revoque);
      for (const noeud of noeuds) noeud.remove();
    },
  };
}
