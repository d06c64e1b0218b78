// Shared by the Node harnesses: JSON on stdin, JSON on stdout, and no network at all.

export async function litEntree() {
  let texte = "";
  for await (const morceau of process.stdin) texte += morceau;
  return JSON.parse(texte);
}

// Pyodide in Node fetches a package from its CDN when a local file is missing
// (load-package.ts::downloadPackage). Any fetch is recorded and refused, so a
// test fails instead of silently reaching the network.
export function interditReseau() {
  const tentatives = [];
  globalThis.fetch = async (url) => {
    tentatives.push(String(url));
    throw new Error(`réseau interdit pendant les tests : ${url}`);
  };
  return tentatives;
}

export function ecrit(sortie) {
  process.stdout.write(JSON.stringify(sortie));
}
