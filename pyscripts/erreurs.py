"""L'erreur unique que les moteurs lèvent pour une entrée invalide."""


class EntreeInvalide(ValueError):
    """Entrée refusée : `champ` nomme la donnée fautive, `message` est une phrase en français."""

    def __init__(self, champ: str, message: str):
        super().__init__(f"{champ} : {message}")
        self.champ = champ
        self.message = message

    def en_json(self) -> dict:
        return {"erreur": {"champ": self.champ, "message": self.message}}
