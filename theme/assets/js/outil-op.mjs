// Page « Préparer une requête » (theme/outils/op.html): the OP request in eight steps (op/requete.mjs).
import { PreparationRequete } from "./op/requete.mjs";

new PreparationRequete(document.getElementById("preparer"));
