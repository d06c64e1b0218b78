// The legal-aid request (Cerfa 16146) prepared from the simulator's answers, on the simulator's
// page: the interview opens after a result and reuses the page's one Python worker.
import { lanceEntretien } from "./formulaire-entretien.mjs";
import { simulateur } from "./outil-aj.mjs";

const racine = document.getElementById("entretien-cerfa-16146");
const section = document.getElementById("simulateur");
let entree = null; // the simulator's input behind the answer on screen

section.addEventListener("resultat", ({ detail }) => {
  entree = detail.resultat ? detail.entree : null;
  // Shown with a result; once started, the interview stays even if the result changes.
  if (racine.querySelector(".entretien-accueil:not([hidden])")) racine.hidden = !detail.resultat;
});

const entretien = lanceEntretien({
  racine,
  outils: simulateur,
  contexte: () => ({ simulateur: entree || {} }),
  prerempli: async () => {
    if (!entree) return null;
    const reponse = await simulateur.appelle("formulaire_prerempli", { simulateur: entree });
    return reponse.resultat || null;
  },
});

// « Effacer mes réponses » of the simulator forgets the interview too: a shared device, staff
// helping the next person.
section.querySelector("form").addEventListener("reset", () => {
  entree = null;
  entretien.efface();
  racine.hidden = true;
});
