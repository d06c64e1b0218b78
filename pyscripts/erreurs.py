"""L'erreur unique que les moteurs lèvent pour une entrée invalide, et ce qu'on dit d'une panne."""

# Une panne de l'outil (jamais une entrée : chaque entrée refusée l'est par EntreeInvalide).
ERREUR_INTERNE = (
    "Le calcul n'a pas pu aboutir à cause d'une erreur de l'outil, pas de vos réponses. "
    "Réessayez, ou consultez les tableaux de la page."
)
INTERNE = {"erreur": {"champ": "interne", "message": ERREUR_INTERNE}}


class EntreeInvalide(ValueError):
    """Entrée refusée : `champ` nomme la donnée fautive, `message` est une phrase en français."""

    def __init__(self, champ: str, message: str):
        super().__init__(f"{champ} : {message}")
        self.champ = champ
        self.message = message

    def en_json(self) -> dict:
        return {"erreur": {"champ": self.champ, "message": self.message}}
