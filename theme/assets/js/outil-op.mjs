// Préparer la requête au juge aux affaires familiales (Cerfa 15458*07) : huit étapes, un moteur
// Python (pyscripts/formulaires/op.py) dans le worker, les documents à la fin.
//
// Rien n'est gardé : pas de stockage, pas d'adresse changée, pas d'envoi. Quitter la page (lien,
// rechargement, « Quitter rapidement ») efface tout : au `pagehide`, le formulaire est vidé pour
// que le retour arrière ne le rende pas rempli. Le DOM est construit avec createElement et des
// nœuds texte : rien de ce que tape la personne ni de ce que répond le moteur n'est lu comme HTML.

import { demarreCalculateur, el } from "./outil-commun.mjs";
import { OutilsIndisponibles } from "./outils.mjs";
import { confirme, depuisBase64, offrePdf, vierge } from "./outil-pdf.mjs";

const racine = document.getElementById("preparer");
const avant = document.getElementById("op-avant");
const formulaire = document.getElementById("op-formulaire");
const resultat = document.getElementById("op-resultat");
const etapes = [...formulaire.querySelectorAll(".op-etape")];
const titreEtape = document.getElementById("op-titre-etape");
const indicateur = [...formulaire.querySelectorAll(".op-indicateur li")];
const boutonPrecedent = formulaire.querySelector("[data-action=precedent]");
const boutonSuivant = formulaire.querySelector("[data-action=suivant]");
const zoneFaits = document.getElementById("op-faits");
const modeleFait = document.getElementById("op-modele-fait");
const NON_VALEURS = new Set(["mesure", "danger", "pieces"]);
let courante = 1;
let numeroFait = 0; // identifiants uniques des champs de chaque fait
let pdf = null; // le PDF rempli proposé (outil-pdf.mjs), tant que les documents sont affichés
// Les avertissements sur l'adresse cachée que la personne a confirmés (clés `confirmer` du moteur) ;
// une réponse modifiée perd sa confirmation.
const confirmees = new Set();

// ── Le moteur ────────────────────────────────────────────────────────────────

// La page est prête à vérifier les étapes quand Python l'est ; sinon on avance sans vérifier et la
// dernière étape propose le formulaire vierge.
const { outils, estPret, montrePanne } = demarreCalculateur(racine);
outils.pret.then(() => {
  racine.querySelector(".outil-etat-texte").textContent = "Prêt : vos réponses sont vérifiées à chaque étape.";
}, () => {});

async function demande(outil, entree) {
  try {
    return await outils.appelle(outil, entree);
  } catch (erreur) {
    if (erreur instanceof OutilsIndisponibles) {
      montrePanne();
      return null;
    }
    throw erreur;
  }
}

// ── Lire les réponses ────────────────────────────────────────────────────────

/** Une réponse compte si aucune condition ne la cache ; les étapes cachées (autres que l'étape
 * en cours) et le formulaire gardent leurs réponses. */
function visible(noeud) {
  for (let n = noeud.closest("[hidden]"); n; n = n.parentElement?.closest("[hidden]")) {
    if (!n.classList.contains("op-etape") && n !== formulaire) return false;
  }
  return true;
}

function valeurDe(nom) {
  const champ = formulaire.elements.namedItem(nom);
  if (!champ) return "";
  if (champ instanceof RadioNodeList) return champ.value;
  if (champ.type === "checkbox") return champ.checked ? "oui" : "";
  return champ.value.trim();
}

/** jj/mm/aaaa, comme sur le formulaire papier, depuis un champ date (AAAA-MM-JJ). */
function dateFr(iso) {
  const [a, m, j] = iso.split("-");
  return `${j}/${m}/${a}`;
}

function lisValeurs() {
  const valeurs = {};
  for (const champ of formulaire.querySelectorAll(".op-etape [name]")) {
    if (NON_VALEURS.has(champ.name) || !visible(champ)) continue;
    if (champ.type === "radio") {
      if (champ.checked) valeurs[`${champ.name}_${champ.value}`] = true;
    } else if (champ.type === "checkbox") {
      valeurs[champ.name] = champ.checked;
    } else if (champ.value.trim()) {
      valeurs[champ.name] = champ.dataset.format === "date" ? dateFr(champ.value) : champ.value.trim();
    }
  }
  return valeurs;
}

const lignes = (texte) => texte.split("\n").map((l) => l.trim()).filter(Boolean);

/** Les faits saisis (les faits entièrement vides sont ignorés) et, pour chacun, son bloc. */
function lisChronologie() {
  const faits = [];
  const blocs = [];
  for (const bloc of zoneFaits.querySelectorAll(".op-fait")) {
    const lis = (cle) => {
      const champ = bloc.querySelector(`[data-cle=${cle}]`);
      return champ.type === "checkbox" ? champ.checked : champ.value.trim();
    };
    const [debut, fin, encore, lieu, recit, temoins, piece] =
      ["debut", "fin", "encore", "lieu", "faits", "temoins", "piece"].map(lis);
    if (!debut && !fin && !lieu && !recit && !temoins && !piece) continue;
    const fait = { faits: recit, lieu };
    if (fin || encore) fait.periode = encore ? { du: debut } : { du: debut, au: fin };
    else fait.date = debut;
    const liste = temoins.split(",").map((t) => t.trim()).filter(Boolean);
    if (liste.length) fait.temoins = liste;
    if (lignes(piece).length) fait.piece = lignes(piece);
    faits.push(fait);
    blocs.push(bloc);
  }
  return { faits, blocs };
}

function lisEntree() {
  const { faits, blocs } = lisChronologie();
  const mesures = [...formulaire.querySelectorAll("input[name=mesure]:checked")].filter(visible).map((c) => c.value);
  const entree = { formulaire: "cerfa-15458", valeurs: lisValeurs(), mesures, chronologie: faits,
    pieces: lignes(valeurDe("pieces")), confirmations: [...confirmees] };
  if (valeurDe("danger")) entree.danger = valeurDe("danger");
  return { entree, blocs };
}

// ── Conditions d'affichage ───────────────────────────────────────────────────

function appliqueConditions() {
  for (const bloc of formulaire.querySelectorAll("[data-si]")) {
    bloc.hidden = !bloc.dataset.si.split(" ").every((condition) => {
      const [nom, valeurs] = condition.split("=");
      return valeurs.split("|").includes(valeurDe(nom));
    });
  }
  const cochees = new Set([...formulaire.querySelectorAll("input[name=mesure]:checked")].map((c) => c.value));
  for (const bloc of formulaire.querySelectorAll("[data-si-mesure]")) {
    bloc.hidden = !bloc.dataset.siMesure.split(" ").some((id) => cochees.has(id));
  }
}

// ── Les étapes ───────────────────────────────────────────────────────────────

function montreEtape(numero, { focus = true } = {}) {
  courante = numero;
  for (const etape of etapes) etape.hidden = Number(etape.dataset.etape) !== numero;
  for (const item of indicateur) {
    if (Number(item.dataset.etape) === numero) item.setAttribute("aria-current", "step");
    else item.removeAttribute("aria-current");
    item.classList.toggle("op-fait-etape", Number(item.dataset.etape) < numero);
  }
  titreEtape.querySelector("[data-numero]").textContent = String(numero);
  titreEtape.querySelector("[data-titre]").textContent = etapes[numero - 1].querySelector("legend").textContent;
  boutonPrecedent.hidden = numero === 1;
  boutonSuivant.hidden = numero === etapes.length;
  appliqueConditions();
  if (focus) titreEtape.focus();
}

const etapeDe = (noeud) => Number(noeud.closest(".op-etape")?.dataset.etape || 0);

// ── Erreurs et avertissements à côté de leur champ ───────────────────────────

function effaceMessages() {
  for (const p of formulaire.querySelectorAll(".erreur-champ, .op-avertissement, .op-confirmation, .op-resume-erreur")) {
    p.remove();
  }
  for (const bloc of formulaire.querySelectorAll(".champ-en-erreur")) bloc.classList.remove("champ-en-erreur");
  for (const c of formulaire.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
  for (const c of formulaire.querySelectorAll("[data-decrit]")) {
    const ids = c.getAttribute("aria-describedby").split(" ").filter((id) => id !== c.dataset.decrit);
    if (ids.length) c.setAttribute("aria-describedby", ids.join(" "));
    else c.removeAttribute("aria-describedby");
    delete c.dataset.decrit;
  }
}

/** Le bloc d'un nom de champ du moteur : `lieux_precisions`, `mesures.bracelet`, `chronologie.3.date`… */
function blocDe(champ, blocsFaits) {
  const m = /^chronologie\.(\d+)(?:\.(.+))?$/.exec(champ);
  if (m) {
    const fait = blocsFaits[Number(m[1]) - 1];
    if (!fait) return zoneFaits;
    const cle = (m[2] || "faits").replace(/\.\d+$/, "");
    return [...fait.querySelectorAll("[data-champ-fait]")].find((b) => b.dataset.champFait.split(" ").includes(cle)) || fait;
  }
  if (champ.startsWith("pieces")) return formulaire.querySelector("[data-champ=pieces]");
  const blocs = [...formulaire.querySelectorAll("[data-champ]")];
  return blocs.find((b) => visible(b) && b.dataset.champ.split(" ").includes(champ))
    || blocs.find((b) => b.dataset.champ.split(" ").includes(champ))
    || formulaire.querySelector(`[name="${CSS.escape(champ)}"]`)?.closest(".champ, .op-mesure") || null;
}

function marque(bloc, message, { erreur }) {
  const controle = bloc.querySelector("input:not([type=hidden]), textarea, select");
  const id = `op-message-${Math.random().toString(36).slice(2)}`;
  const p = el("p", { classe: erreur ? "erreur-champ" : "op-avertissement", id },
    el("span", { classe: "visuellement-cache" }, erreur ? "Erreur : " : "À vérifier : "), message);
  const apres = bloc.querySelector(":scope > .aide, :scope > legend, :scope > label, :scope > .op-explication");
  if (apres) apres.after(p);
  else bloc.prepend(p);
  if (erreur) bloc.classList.add("champ-en-erreur");
  if (controle) {
    if (erreur) controle.setAttribute("aria-invalid", "true");
    if (!controle.dataset.decrit) {
      controle.setAttribute("aria-describedby", [id, controle.getAttribute("aria-describedby")].filter(Boolean).join(" "));
      controle.dataset.decrit = id;
    }
  }
  return controle;
}

function montreErreur(erreur, blocs) {
  const bloc = blocDe(erreur.champ, blocs);
  const numero = bloc ? etapeDe(bloc) : courante;
  if (numero && numero !== courante) montreEtape(numero, { focus: false });
  const etape = etapes[courante - 1];
  const resume = el("div", { classe: "outil-erreurs op-resume-erreur", role: "alert" },
    el("p", {}, el("strong", {}, "Vérifiez cette réponse : "), erreur.message));
  etape.querySelector("legend").after(resume);
  const controle = bloc ? marque(bloc, erreur.message, { erreur: true }) : null;
  (controle || titreEtape).focus();
}

/** Un avertissement à confirmer (l'adresse cachée) : sa case « Ce texte peut rester tel quel ». */
function caseDeConfirmation(a) {
  const id = `op-confirme-${Math.random().toString(36).slice(2)}`;
  const coche = el("input", { type: "checkbox", id });
  coche.checked = a.confirme;
  coche.addEventListener("change", () => {
    if (coche.checked) confirmees.add(a.confirmer);
    else confirmees.delete(a.confirmer);
  });
  return el("div", { classe: "champ-case op-confirmation" }, coche,
    el("label", { for: id }, "Ce texte peut rester tel quel : il ne désigne pas mon domicile"));
}

/** Les avertissements à côté de leur champ ; renvoie ceux à confirmer qui ne le sont pas. */
function montreAvertissements(avertissements, blocs) {
  const enAttente = [];
  for (const a of avertissements) {
    const bloc = blocDe(a.champ, blocs);
    if (!bloc) continue;
    marque(bloc, a.message, { erreur: false });
    if (!a.confirmer) continue;
    bloc.querySelector(":scope > .op-avertissement").after(caseDeConfirmation(a)); // le message tout juste ajouté
    if (!a.confirme) enAttente.push({ a, bloc });
  }
  return enAttente;
}

/** Modifier une réponse retire sa confirmation : le moteur la redemandera si le texte le justifie encore.
 * Les faits se renumérotent quand l'un est retiré : toute modification d'un fait les retire tous. */
function oublieConfirmations(prefixe) {
  for (const cle of [...confirmees]) if (cle.startsWith(prefixe)) confirmees.delete(cle);
}

function prefixeDe(champ) {
  if (champ.closest("#op-faits")) return "chronologie";
  if (champ.name === "pieces") return "pieces.";
  return champ.name ? `${champ.name}:` : null;
}

/** Demande au moteur ; une erreur située dans cette étape ou avant arrête la personne. */
async function verifie({ jusqua }) {
  const { entree, blocs } = lisEntree();
  const reponse = await demande("op", entree);
  effaceMessages();
  if (!reponse) return { ok: true };
  if (reponse.erreur?.champ === "interne") {
    // L'outil lui-même a échoué : ne pas bloquer la personne ; la fin proposera le formulaire vierge.
    return { ok: true, panne: reponse.erreur.message };
  }
  if (reponse.erreur) {
    const bloc = blocDe(reponse.erreur.champ, blocs);
    const numero = bloc ? etapeDe(bloc) : courante;
    if (numero <= jusqua) {
      montreErreur(reponse.erreur, blocs);
      return { ok: false };
    }
    return { ok: true };
  }
  // Un avertissement sur l'adresse cachée, dans cette étape ou avant, attend sa confirmation.
  const enAttente = montreAvertissements(reponse.resultat.avertissements, blocs)
    .filter(({ bloc }) => etapeDe(bloc) <= jusqua);
  if (enAttente.length) {
    const { bloc } = enAttente[0];
    if (etapeDe(bloc) !== courante) montreEtape(etapeDe(bloc), { focus: false });
    const resume = el("div", { classe: "outil-erreurs op-resume-erreur", role: "alert" },
      el("p", {}, el("strong", {}, "Vérifiez cette réponse : "), "elle cite peut-être votre adresse. Corrigez-la, "
        + "ou cochez « Ce texte peut rester tel quel » si elle ne désigne pas votre domicile."));
    etapes[courante - 1].querySelector("legend").after(resume);
    (bloc.querySelector("input, textarea, select") || titreEtape).focus();
    return { ok: false };
  }
  return { ok: true, resultat: reponse.resultat, entree };
}

// ── Les faits ────────────────────────────────────────────────────────────────

function numeroteFaits() {
  zoneFaits.querySelectorAll(".op-fait").forEach((bloc, i) => {
    bloc.querySelector("[data-rang]").textContent = String(i + 1);
    bloc.querySelector("[data-action=retire-fait]").hidden = zoneFaits.children.length === 1;
  });
}

function ajouteFait({ focus = false } = {}) {
  const bloc = modeleFait.content.firstElementChild.cloneNode(true);
  const n = ++numeroFait;
  for (const champ of bloc.querySelectorAll("[data-cle]")) {
    const cle = champ.dataset.cle;
    champ.id = `op-fait-${n}-${cle}`;
    const label = bloc.querySelector(`[data-pour=${cle}]`);
    label.setAttribute("for", champ.id);
    label.removeAttribute("data-pour");
    const aide = bloc.querySelector(`[data-aide=${cle}]`);
    if (aide) {
      aide.id = `${champ.id}-aide`;
      champ.setAttribute("aria-describedby", aide.id);
    }
  }
  bloc.querySelector("[data-action=retire-fait]").addEventListener("click", () => {
    const suivant = bloc.nextElementSibling || bloc.previousElementSibling;
    bloc.remove();
    oublieConfirmations("chronologie");
    numeroteFaits();
    suivant?.querySelector("input")?.focus();
  });
  zoneFaits.append(bloc);
  numeroteFaits();
  if (focus) bloc.querySelector("input").focus();
}

// ── Les documents ────────────────────────────────────────────────────────────

function titreSection(texte, id) {
  return el("h3", id ? { id } : {}, texte);
}

function listeAvecLiens(elements, blocs) {
  return el("ul", {}, elements.map((a) => {
    const bloc = blocDe(a.champ, blocs);
    if (!bloc) return el("li", {}, a.message || a.libelle);
    const lien = el("a", { href: "#op-formulaire" }, a.message || a.libelle);
    lien.addEventListener("click", (evenement) => {
      evenement.preventDefault();
      montreEtape(etapeDe(bloc), { focus: false });
      (bloc.querySelector("input, textarea, select") || titreEtape).focus();
    });
    return el("li", {}, lien);
  }));
}

/** L'exposé des faits et le bordereau : l'annexe à imprimer, signer et joindre à la requête. */
function annexe(r, valeurs) {
  const faits = r.expose.paragraphes.map((p) => el("li", { value: String(p.numero) }, p.texte));
  const bordereau = el("table", { classe: "op-bordereau" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "N°"), el("th", { scope: "col" }, "Pièce"),
      el("th", { scope: "col" }, "Citée au fait n°"))),
    el("tbody", {}, r.bordereau.map((p) => el("tr", {}, el("td", {}, String(p.numero)), el("td", {}, p.designation),
      el("td", {}, p.citee_par.join(", ") || "—")))));
  return el("article", { classe: "op-annexe", id: "op-annexe", "aria-labelledby": "op-annexe-titre" },
    el("h3", { id: "op-annexe-titre" }, "Annexe à la requête en vue d'une ordonnance de protection"),
    el("h4", {}, "Exposé des faits"),
    faits.length ? el("ol", { classe: "op-expose" }, faits) : el("p", {}, "Aucun fait saisi."),
    r.expose.danger ? el("p", {}, el("strong", {}, "Le danger aujourd'hui : "), r.expose.danger) : null,
    el("h4", {}, "Bordereau des pièces jointes"),
    r.bordereau.length ? el("div", { classe: "tableau", role: "region", tabindex: "0", "aria-label": "Tableau : bordereau des pièces" }, bordereau)
      : el("p", {}, "Aucune pièce saisie."),
    el("p", { classe: "op-signature" }, `Fait à ${valeurs.fait_a || "……………………"}, le ${valeurs.fait_le || "……………………"}.`),
    el("p", { classe: "op-signature" }, "Signature :"));
}

function aApporter(r) {
  const liste = (lignes) => el("ul", {}, lignes.map((l) => el("li", {}, el("strong", {}, l.quoi), " — ", l.pourquoi)));
  return el("article", { classe: "op-a-apporter", id: "op-a-apporter", "aria-labelledby": "op-a-apporter-titre" },
    el("h3", { id: "op-a-apporter-titre" }, "Ce qu'il faut apporter"),
    el("h4", {}, "Au greffe du juge aux affaires familiales, avec la requête"), liste(r.a_apporter.greffe),
    el("h4", {}, "À l'audience"), liste(r.a_apporter.audience),
    el("p", { classe: "op-hors-impression" }, "Interprète, attente séparée, si vous ne pouvez pas venir : ",
      el("a", { href: resultat.dataset.calendrier }, "l'audience en pratique"),
      " (une autre page : imprimez d'abord vos documents, ils y seraient effacés)."));
}

async function imprime(cible, declencheur) {
  if (!(await confirme("impression", declencheur))) return;
  document.documentElement.dataset.opImprime = cible;
  window.addEventListener("afterprint", () => { delete document.documentElement.dataset.opImprime; }, { once: true });
  window.print();
}

function bouton(texte, action) {
  const b = el("button", { type: "button", classe: "bouton-secondaire" }, texte);
  b.addEventListener("click", () => action(b));
  return b;
}

// ── Le PDF rempli (pypdf dans le worker, comme pour les autres formulaires) ───

/** Pendant que la personne répond : le PDF vierge lu par pypdf dans le worker ; la fin ne fera que remplir. */
function prepareVierge() {
  outils.pret
    .then(() => vierge(resultat.dataset.pdf))
    .then((base64) => outils.appelle("formulaire_preparer", { formulaire: "cerfa-15458", pdf: base64 }))
    .catch((erreur) => console.error(erreur)); // la fin réessaiera et le dira
}

async function preparePdf(entree) {
  const zone = document.getElementById("op-boutons-pdf");
  zone.replaceChildren(el("p", { role: "status" }, "Préparation du PDF… La première fois, cela prend quelques secondes."));
  let reponse = null;
  try {
    reponse = await demande("formulaire_remplir", { ...entree, pdf: await vierge(resultat.dataset.pdf) });
  } catch (erreur) {
    console.error(erreur);
  }
  if (!reponse?.resultat) {
    zone.replaceChildren(el("p", { classe: "outil-panne" }, "Le PDF n'a pas pu être préparé ici : ",
      el("a", { href: resultat.dataset.pdf }, "le formulaire vierge (PDF)"), " se remplit aussi à la main."));
    return;
  }
  pdf?.oublie();
  pdf = offrePdf(zone, depuisBase64(reponse.resultat.pdf),
    { ouvrir: "Ouvrir la requête (PDF) pour la relire et l'imprimer", enregistrer: "Enregistrer la requête (PDF)" });
}

/** « n'y figure pas » seulement après une vérification faite avec l'adresse donnée. */
function phraseAdresse(r) {
  if (!r.adresse_cachee) return "Votre adresse y figure.";
  if (r.adresse_verifiee) return "Votre adresse n'y figure pas : chacune de vos réponses a été comparée avec elle.";
  return "Votre adresse n'est pas imprimée dans les cases prévues pour elle. Vous ne l'avez pas donnée : la page "
    + "n'a pas pu vérifier qu'elle n'apparaît pas ailleurs. Relisez chaque texte avant d'imprimer.";
}

function montreDocuments(r, entree, blocs) {
  const blocsDocs = [
    el("h2", { tabindex: "-1", id: "op-documents-titre" }, "Vos documents"),
    r.avertissements.length ? el("section", { classe: "op-a-verifier" }, titreSection("À vérifier avant d'imprimer"),
      listeAvecLiens(r.avertissements.map((a) => (a.confirme
        ? { ...a, message: `${a.message} Vous avez choisi de garder ce texte.` } : a)), blocs)) : null,
    r.a_completer.length ? el("section", {}, titreSection("Encore vide : à compléter ici, ou à la main sur la requête"),
      listeAvecLiens(r.a_completer.map((a) => ({ champ: a.champ, libelle: a.libelle })), blocs)) : null,
    r.conseils.length ? el("section", {}, titreSection("Conseils"),
      el("ul", {}, r.conseils.map((c) => el("li", {}, c.texte, el("span", { classe: "source" }, ` (${c.article})`))))) : null,
    el("section", { classe: "op-requete" }, titreSection("La requête (Cerfa 15458*07) pré-remplie"),
      el("p", {}, "Relisez-la, complétez à la main ce qui manque, datez et signez. ", phraseAdresse(r)),
      el("div", { id: "op-boutons-pdf" })),
    el("section", {}, titreSection("L'exposé des faits et le bordereau des pièces"),
      el("p", {}, "À imprimer, signer et joindre à la requête, avec les pièces numérotées dans cet ordre."),
      el("div", { classe: "outil-boutons" }, bouton("Imprimer l'exposé et le bordereau", (b) => imprime("annexe", b))),
      annexe(r, entree.valeurs)),
    el("section", {}, el("div", { classe: "outil-boutons" },
      bouton("Imprimer la liste de ce qu'il faut apporter", (b) => imprime("a-apporter", b))), aApporter(r)),
  ];
  resultat.replaceChildren(...blocsDocs.filter(Boolean));
  resultat.querySelector("h2").focus();
  preparePdf(entree);
}

// ── Événements ───────────────────────────────────────────────────────────────

document.getElementById("op-commencer").addEventListener("click", () => {
  avant.hidden = true;
  formulaire.hidden = false;
  montreEtape(1);
  prepareVierge();
});

document.getElementById("op-ajoute-enfant").addEventListener("click", () => {
  const cache = formulaire.querySelector(".op-enfant[hidden]");
  if (!cache) return;
  cache.hidden = false;
  cache.querySelector("input").focus();
  if (!formulaire.querySelector(".op-enfant[hidden]")) document.getElementById("op-ajoute-enfant").hidden = true;
});

document.getElementById("op-ajoute-fait").addEventListener("click", () => ajouteFait({ focus: true }));

// Revenir en arrière garde les avertissements du moteur à côté de leur champ.
boutonPrecedent.addEventListener("click", () => montreEtape(courante - 1));

boutonSuivant.addEventListener("click", async () => {
  if (estPret()) {
    const { ok } = await verifie({ jusqua: courante });
    if (!ok) return;
  }
  montreEtape(courante + 1);
});

formulaire.addEventListener("submit", async (evenement) => {
  evenement.preventDefault();
  resultat.replaceChildren(el("p", {}, "Préparation de vos documents…"));
  const { ok, resultat: r, entree } = await verifie({ jusqua: etapes.length });
  if (!ok) {
    resultat.replaceChildren();
    return;
  }
  if (!r) {
    resultat.replaceChildren(el("p", { classe: "outil-panne" }, "Vos documents n'ont pas pu être préparés dans ce navigateur : ",
      el("a", { href: "#sans-outil" }, "imprimez le formulaire vierge"), " et remplissez-le à la main."));
    return;
  }
  montreDocuments(r, entree, lisChronologie().blocs);
});

formulaire.addEventListener("input", (evenement) => {
  const prefixe = prefixeDe(evenement.target);
  if (prefixe) oublieConfirmations(prefixe);
  appliqueConditions();
});
formulaire.addEventListener("change", appliqueConditions);

function toutEfface() {
  formulaire.reset();
  zoneFaits.replaceChildren();
  ajouteFait();
  for (const enfant of formulaire.querySelectorAll(".op-enfant")) enfant.hidden = enfant.dataset.enfant !== "1";
  document.getElementById("op-ajoute-enfant").hidden = false;
  resultat.replaceChildren();
  effaceMessages();
  pdf?.oublie();
  pdf = null;
  confirmees.clear();
}

formulaire.querySelector("[data-action=effacer]").addEventListener("click", () => {
  toutEfface();
  montreEtape(1);
});

// Quitter la page, c'est tout perdre, y compris pour le bouton « Précédent » du navigateur.
window.addEventListener("pagehide", () => {
  toutEfface();
  avant.hidden = false;
  formulaire.hidden = true;
});

ajouteFait();
appliqueConditions();
