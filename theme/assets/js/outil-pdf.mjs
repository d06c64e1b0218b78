// A form filled in this page (Cerfa 16146 on the simulator, Cerfa 15458 on « Préparer une
// requête ») offered to the person: open it to print, or save it — each only after the warning of
// assets/js/avant-export.mjs, saved under a neutral name the person can change. One copy of this
// for every filled form.
//
//   offrePdf(zone, octets, {ouvrir, enregistrer}) → {oublie()}
//     zone      an element with an id; its content is replaced by the two actions
//     octets    the filled PDF (Uint8Array), from the worker
//     oublie()  the PDF forgotten: its blob: address revoked, the actions removed
//   confirme(genre, declencheur) → Promise<boolean>   the warning alone (before a print, say)
//   vierge(adresse) → Promise<base64>   the blank PDF of the site, read once per page
//   versBase64(octets), depuisBase64(texte)   the worker passes only JSON text

import { el } from "./outil-commun.mjs";

// If the warning module cannot be loaded (a partial copy of the site), one sentence still says
// what trace the file or the print leaves.
const AVERTISSEMENT_MINIMAL = {
  pdf: "Le fichier restera dans le dossier «\u00a0Téléchargements\u00a0» de cet appareil. Continuer ?",
  onglet: "Le document s'ouvre dans un nouvel onglet, que «\u00a0Quitter rapidement\u00a0» ne ferme pas. Continuer ?",
  impression: "Une page imprimée peut être trouvée : gardez-la en lieu sûr. Continuer ?",
};

let module = null;
function avertissement() {
  module ??= import("./avant-export.mjs");
  module.catch(() => { module = null; });
  return module;
}

/** securite's warning for `genre` ("pdf", "onglet", "impression"); true when the person goes on. */
export async function confirme(genre, declencheur) {
  let avant;
  try {
    avant = await avertissement();
  } catch (erreur) {
    console.error(erreur);
    return window.confirm(AVERTISSEMENT_MINIMAL[genre]);
  }
  return avant.confirmerExport(genre, declencheur);
}

export function versBase64(octets) {
  let binaire = "";
  for (let i = 0; i < octets.length; i += 0x8000) binaire += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(binaire);
}

export const depuisBase64 = (texte) => Uint8Array.from(atob(texte), (c) => c.charCodeAt(0));

const vierges = new Map(); // address → Promise of the blank PDF in base64 (same origin, nothing personal)

export function vierge(adresse) {
  if (!vierges.has(adresse)) {
    const lu = fetch(adresse).then((reponse) => {
      if (!reponse.ok) throw new Error(`PDF vierge : ${reponse.status}`);
      return reponse.arrayBuffer();
    }).then((octets) => versBase64(new Uint8Array(octets)));
    lu.catch(() => vierges.delete(adresse)); // a later try fetches again
    vierges.set(adresse, lu);
  }
  return vierges.get(adresse);
}

/** The name typed by the person, made safe for a file system; « document.pdf » when empty. */
function nomDeFichier(saisi) {
  let nom = saisi.trim().replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-") || "document.pdf";
  if (!/\.pdf$/i.test(nom)) nom += ".pdf";
  return nom;
}

export function offrePdf(zone, octets, { ouvrir = "Ouvrir le PDF pour le lire et l'imprimer", enregistrer = "Enregistrer le PDF" } = {}) {
  const blob = new Blob([octets], { type: "application/pdf" });
  const url = URL.createObjectURL(blob);
  const id = `${zone.id}-nom`;

  const boutonOuvrir = el("button", { type: "button", classe: "bouton-principal" }, ouvrir);
  boutonOuvrir.addEventListener("click", async () => {
    // A new tab, so that the reader's own print button prints the form as it is; it stays open
    // after « Quitter rapidement »: the warning says so before, the sentence below too.
    if (await confirme("onglet", boutonOuvrir)) window.open(url, "_blank", "noopener");
  });

  const champ = el("input", { type: "text", id, value: "document.pdf", autocomplete: "off", spellcheck: "false",
    "aria-describedby": `${id}-aide` });
  const boutonEnregistrer = el("button", { type: "button", classe: "bouton-secondaire" }, enregistrer);
  boutonEnregistrer.addEventListener("click", async () => {
    const nom = nomDeFichier(champ.value);
    if (!(await confirme("pdf", boutonEnregistrer))) return;
    const lien = el("a", { href: url, download: nom, hidden: true });
    document.body.append(lien);
    lien.click();
    lien.remove();
  });

  zone.replaceChildren(
    el("p", { classe: "pdf-offert-ouvrir" }, boutonOuvrir),
    el("p", { classe: "aide" }, "Il s'ouvre dans un nouvel onglet : imprimez avec le bouton du lecteur de PDF. "
      + "«\u00a0Quitter rapidement\u00a0» ne ferme pas cet onglet : fermez-le dès que c'est imprimé."),
    el("div", { classe: "pdf-offert-enregistrer" },
      el("label", { for: id }, "Nom du fichier"),
      el("p", { classe: "aide", id: `${id}-aide` }, "Un nom qui ne dit rien de la démarche ; vous pouvez le changer. "
        + "Un fichier enregistré reste sur cet appareil."),
      champ, " ", boutonEnregistrer),
  );
  zone.classList.add("pdf-offert");
  return {
    oublie() {
      URL.revokeObjectURL(url);
      zone.replaceChildren();
    },
  };
}
