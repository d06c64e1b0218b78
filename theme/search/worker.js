// Worker de recherche (remplace celui de MkDocs 1.6). Il construit l'index lunr
// à partir de search_index.json et répond aux recherches de search/main.js.
//
// Différences avec MkDocs :
// - les accents sont retirés à l'indexation et dans la requête, pour que « delai »
//   trouve « délai » (lunr.fr ne le fait pas, mkdocs#2128) ;
// - ce que la personne tape n'est jamais lu comme la syntaxe de lunr (`*`, `:`, `~`,
//   `^`, `+`, `-`) : la requête est découpée en mots, chaque mot devient un terme, et
//   aucune saisie ne peut lever d'erreur ni vider les résultats ;
// - le dernier mot cherche aussi les mots qui commencent ainsi (recherche pendant la frappe).
"use strict";

function sansAccentsTexte(s) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function sansAccents(token) {
  return token.update(sansAccentsTexte);
}

var index = null;
var documents = {};
var config = {};

function onJSONLoaded() {
  if (this.status !== 200) {
    postMessage({ panne: true });
    return;
  }
  var data = JSON.parse(this.responseText);
  config = data.config || {};
  var lang = config.lang && config.lang.length ? config.lang : ["en"];
  var scripts = ["lunr.js"];
  if (lang.length > 1 || lang[0] !== "en") {
    scripts.push("lunr.stemmer.support.js");
    if (lang.length > 1) scripts.push("lunr.multi.js");
    lang.forEach(function (l) { if (l !== "en") scripts.push("lunr." + l + ".js"); });
  }
  importScripts.apply(null, scripts);
  if (config.separator && config.separator.length) {
    lunr.tokenizer.separator = new RegExp(config.separator);
  }
  index = lunr(function () {
    if (lang.length === 1 && lang[0] !== "en" && lunr[lang[0]]) {
      this.use(lunr[lang[0]]);
      lunr.Pipeline.registerFunction(sansAccents, "sansAccents");
      // Après le filtre des mots vides (qui attend les accents), avant la racinisation.
      this.pipeline.before(lunr[lang[0]].stemmer, sansAccents);
      this.searchPipeline.before(lunr[lang[0]].stemmer, sansAccents);
    } else if (lang.length > 1) {
      this.use(lunr.multiLanguage.apply(null, lang));
    }
    this.field("title");
    this.field("text");
    this.ref("location");
    for (var i = 0; i < data.docs.length; i++) {
      this.add(data.docs[i]);
      documents[data.docs[i].location] = data.docs[i];
    }
  });
  postMessage({ config: config });
  postMessage({ allowSearch: true });
}

/** `fichier` : l'index de la langue de la page (search_index.json, search_index.en.json…), jamais une adresse. */
function init(fichier) {
  var requete = new XMLHttpRequest();
  requete.addEventListener("load", onJSONLoaded);
  requete.addEventListener("error", function () { postMessage({ panne: true }); });
  requete.open("GET", /^search_index(\.[a-z]{2})?\.json$/.test(fichier) ? fichier : "search_index.json");
  requete.send();
}

/** Les mots de la requête, sans aucun caractère que lunr lirait comme une commande. */
function mots(requete) {
  return lunr.tokenizer(String(requete)).map(function (jeton) {
    return jeton.toString().replace(/[^\p{L}\p{N}]+/gu, "");
  }).filter(function (mot) { return mot.length > 0; });
}

function search(requete) {
  var liste = mots(requete);
  if (liste.length === 0) return [];
  var trouves = index.query(function (q) {
    liste.forEach(function (mot, i) {
      q.term(mot);
      if (i === liste.length - 1) {
        // Mot en cours de frappe : « proc » trouve « procureur ».
        q.term(sansAccentsTexte(mot), { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 });
      }
    });
  });
  return trouves.map(function (trouve) {
    var doc = documents[trouve.ref];
    var page = documents[trouve.ref.split("#")[0]];
    return {
      location: doc.location,
      title: doc.title,
      page: page && page !== doc ? page.title : "",
      summary: doc.text.substring(0, 240),
    };
  });
}

onmessage = function (e) {
  if (e.data.init) {
    init(String(e.data.index || ""));
  } else if (typeof e.data.query === "string") {
    var resultats;
    try {
      resultats = search(e.data.query);
    } catch (erreur) {
      postMessage({ query: e.data.query, results: [], erreur: String(erreur) });
      return;
    }
    postMessage({ query: e.data.query, results: resultats });
  }
};
