// The site's blank PDF of a form, read once per mount and handed to the worker (which only passes
// JSON text, hence base64). Same origin, nothing personal.

export function versBase64(octets) {
  let binaire = "";
  for (let i = 0; i < octets.length; i += 0x8000) binaire += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(binaire);
}

export const depuisBase64 = (texte) => Uint8Array.from(atob(texte), (c) => c.charCodeAt(0));

export class PdfVierge {
  constructor(adresse) {
    this.adresse = adresse;
    this.lu = null;
  }

  /** Promise of the blank PDF in base64; a failed read is forgotten, so the next call tries again. */
  base64() {
    if (!this.lu) {
      this.lu = fetch(this.adresse).then((reponse) => {
        if (!reponse.ok) throw new Error(`PDF vierge : ${reponse.status}`);
        return reponse.arrayBuffer();
      }).then((octets) => versBase64(new Uint8Array(octets)));
      this.lu.catch(() => { this.lu = null; });
    }
    return this.lu;
  }
}
