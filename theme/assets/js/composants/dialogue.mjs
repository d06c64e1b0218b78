// A question asked in a box over the page, answered by one of two buttons: the warning before an
// export (Export) and the confirmation before erasing every answer (« Tout effacer »). One copy of
// the box for the whole site.
//
//   const oui = await demande({ titre, lignes: ["…"], oui: "Continuer", non: "Annuler", declencheur });
//
// The box is not « modal » for the browser (showModal would make everything else inert, the
// « Quitter rapidement » button too): the focus is held in it by this script, a backdrop covers the
// page under the safety bar, which stays clickable. Escape is « non ». One box at a time, in the
// whole document: a second question while one is open is answered « non » at once.

import { el } from "./dom.mjs";

/**
 * Resolves true when the person chooses `oui`, false on `non`, Escape, or another box already
 * open. The focus goes first to `focusSur` ("oui" or "non": the safe answer for a destructive
 * question), then back to `declencheur` (by default, the element that had it).
 */
export function demande({ titre, lignes, oui, non, declencheur = document.activeElement, focusSur = "oui", classe = "" }) {
  if (document.querySelector("dialog.dialogue")) return Promise.resolve(false);
  const boutonOui = el("button", { type: "button", classe: "dialogue-oui" }, oui);
  const boutonNon = el("button", { type: "button", classe: "dialogue-non" }, non);
  const dialogue = el("dialog", {
    classe: `dialogue ${classe}`.trim(), "aria-modal": "true",
    "aria-labelledby": "dialogue-titre", "aria-describedby": "dialogue-texte",
  }, el("h2", { id: "dialogue-titre" }, titre), el("div", { id: "dialogue-texte" }, lignes.map((l) => el("p", {}, l))),
  el("div", { classe: "dialogue-boutons" }, boutonOui, boutonNon));
  const fond = el("div", { classe: "dialogue-fond" });
  const reponse = new Promise((resoudre) => {
    const ferme = (choix) => {
      document.removeEventListener("keydown", clavier, true);
      dialogue.close();
      dialogue.remove();
      fond.remove();
      if (declencheur?.isConnected && typeof declencheur.focus === "function") declencheur.focus();
      resoudre(choix);
    };
    // Escape closes the box: it is a « non », nothing else. Tab stays in the box.
    const clavier = (evenement) => {
      if (evenement.key === "Escape") {
        evenement.preventDefault();
        evenement.stopPropagation();
        ferme(false);
      } else if (evenement.key === "Tab" && dialogue.contains(document.activeElement)) {
        evenement.preventDefault();
        (document.activeElement === boutonOui ? boutonNon : boutonOui).focus();
      }
    };
    document.addEventListener("keydown", clavier, true);
    boutonOui.addEventListener("click", () => ferme(true));
    boutonNon.addEventListener("click", () => ferme(false));
  });
  document.body.append(fond, dialogue);
  dialogue.show();
  (focusSur === "non" ? boutonNon : boutonOui).focus();
  return reponse;
}
