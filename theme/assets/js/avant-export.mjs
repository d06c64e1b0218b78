// Avant un fichier qui sort de la page (.ics, PDF, PDF ouvert dans un onglet) ou une impression : un court
// avertissement, « Continuer » ou « Annuler ». Rien n'est retenu (pas de « ne plus
// afficher ») : la personne qui lit peut ne pas être celle qui a lu la dernière fois.
//
//   import { confirmerExport, telechargerApresAvertissement, imprimerApresAvertissement,
//            NOMS_NEUTRES } from "…/assets/js/avant-export.mjs";
//   if (await confirmerExport("ics")) { … }
//
// Les liens et boutons portant data-avant-export="pdf|ics|impression" passent ici
// tout seuls (site.js).

/** Noms de fichier par défaut : ni procédure, ni tribunal, ni violence. */
export const NOMS_NEUTRES = Object.freeze({ ics: "agenda.ics", pdf: "document.pdf" });

const TEXTES = {
  ics: {
    titre: "Avant d'ajouter ces dates à un agenda",
    lignes: [
      "Un agenda est souvent partagé ou synchronisé (téléphone, ordinateur, compte Google, Apple ou Microsoft) : une personne qui y a accès verra ces rendez-vous.",
      "Le fichier reste aussi dans le dossier «\u00a0Téléchargements\u00a0» de cet appareil.",
    ],
  },
  pdf: {
    titre: "Avant de télécharger ce document",
    lignes: [
      "Le fichier restera dans le dossier «\u00a0Téléchargements\u00a0» de cet appareil, et parfois dans un espace en ligne synchronisé.",
      "Si quelqu'un d'autre peut utiliser cet appareil, effacez-le après usage.",
    ],
  },
  // A filled PDF opened to be printed from the browser's reader.
  onglet: {
    titre: "Avant d'ouvrir ce document",
    lignes: [
      "Il s'ouvre dans un nouvel onglet, qui reste ouvert : le bouton «\u00a0Quitter rapidement\u00a0» ne ferme pas cet onglet. Fermez-le vous-même dès que le document est imprimé.",
      "Sur certains téléphones, il est enregistré dans «\u00a0Téléchargements\u00a0» au lieu de s'ouvrir : effacez-le après usage si quelqu'un d'autre peut utiliser cet appareil.",
    ],
  },
  impression: {
    titre: "Avant d'imprimer",
    lignes: [
      "Une page imprimée peut être trouvée : gardez-la en lieu sûr.",
      "Une imprimante partagée (au travail, chez un proche) peut garder une copie.",
    ],
  },
};

let enCours = null;

function element(nom, attributs, ...enfants) {
  const el = document.createElement(nom);
  for (const [cle, valeur] of Object.entries(attributs || {})) el.setAttribute(cle, valeur);
  el.append(...enfants);
  return el;
}

/**
 * Montre l'avertissement pour `genre` ("ics", "pdf", "onglet" ou "impression") et résout
 * `true` si la personne continue, `false` si elle annule (bouton, Échap).
 * Le focus revient ensuite à `declencheur` (par défaut : l'élément qui l'avait).
 *
 * La boîte n'est pas « modale » au sens du navigateur (showModal rendrait inerte tout
 * le reste, y compris le bouton « Quitter rapidement ») : le focus y est tenu par le
 * script, un fond couvre la page sous la barre de sécurité, qui reste cliquable.
 */
export function confirmerExport(genre, declencheur = document.activeElement) {
  const texte = TEXTES[genre];
  if (!texte) throw new Error(`avant-export : genre inconnu «\u00a0${genre}\u00a0»`);
  if (enCours) return enCours;
  const titre = element("h2", { id: "avant-export-titre" }, texte.titre);
  const corps = element("div", { id: "avant-export-texte" }, ...texte.lignes.map((l) => element("p", {}, l)));
  const continuer = element("button", { type: "button", class: "avant-export-continuer" }, "Continuer");
  const annuler = element("button", { type: "button", class: "avant-export-annuler" }, "Annuler");
  const dialogue = element("dialog", {
    class: "avant-export", "aria-modal": "true",
    "aria-labelledby": "avant-export-titre", "aria-describedby": "avant-export-texte",
  }, titre, corps, element("div", { class: "avant-export-boutons" }, continuer, annuler));
  const fond = element("div", { class: "avant-export-fond" });

  enCours = new Promise((resoudre) => {
    const ferme = (reponse) => {
      document.removeEventListener("keydown", clavier, true);
      dialogue.close();
      dialogue.remove();
      fond.remove();
      enCours = null;
      if (declencheur && declencheur.isConnected && typeof declencheur.focus === "function") declencheur.focus();
      resoudre(reponse);
    };
    // Échap ferme la boîte : c'est un « Annuler », rien d'autre. Tab reste dans la boîte.
    const clavier = (evenement) => {
      if (evenement.key === "Escape") {
        evenement.preventDefault();
        evenement.stopPropagation();
        ferme(false);
      } else if (evenement.key === "Tab" && dialogue.contains(document.activeElement)) {
        const cible = evenement.shiftKey
          ? (document.activeElement === continuer ? annuler : continuer)
          : (document.activeElement === annuler ? continuer : annuler);
        evenement.preventDefault();
        cible.focus();
      }
    };
    document.addEventListener("keydown", clavier, true);
    continuer.addEventListener("click", () => ferme(true));
    annuler.addEventListener("click", () => ferme(false));
  });
  document.body.append(fond, dialogue);
  dialogue.show();
  continuer.focus();
  return enCours;
}

/** Avertit, puis propose `contenu` (texte ou Blob) comme fichier ; rien n'est envoyé nulle part. */
export async function telechargerApresAvertissement(contenu, genre, nom = NOMS_NEUTRES[genre], type = "application/octet-stream") {
  if (!(await confirmerExport(genre))) return false;
  const blob = contenu instanceof Blob ? contenu : new Blob([contenu], { type });
  const url = URL.createObjectURL(blob);
  const lien = element("a", { href: url, download: nom, hidden: "" });
  document.body.append(lien);
  lien.click();
  lien.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Avertit, puis ouvre la fenêtre d'impression du navigateur. */
export async function imprimerApresAvertissement() {
  if (!(await confirmerExport("impression"))) return false;
  window.print();
  return true;
}
