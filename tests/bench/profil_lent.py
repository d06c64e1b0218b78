"""Le profil « téléphone lent » de `make bench` : réseau 1,6 Mbit/s descendant, 750 kbit/s montant, 150 ms
d'aller-retour (protocole DevTools), processeur 4 fois plus lent.

Le ralentissement du processeur par DevTools (Emulation.setCPUThrottlingRate) ne touche que le fil
principal de la page : ce Chromium le refuse pour un worker (« Operation is only supported for pages, not
workers »), où tourne Python. Le processeur est donc ralenti autrement, pour la page et son worker
ensemble : les processus de rendu de NOTRE Chromium (descendants de ce processus Python, jamais ceux d'un
autre) ne tournent qu'un quart du temps, par tranches de 20 ms (SIGSTOP puis SIGCONT, comme cpulimit).
Sur une machine déjà chargée, ils tournent encore moins : lisez les chiffres comme un ordre de grandeur.

Le navigateur lent se croit aussi sur une connexion mobile (`--force-effective-connection-type=3G`) : la
page ne précharge pas pypdf, comme sur un téléphone en données mobiles.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

RESEAU = {
    "offline": False,
    "latency": 150,  # ms
    "downloadThroughput": 1_600_000 / 8,  # octets par seconde
    "uploadThroughput": 750_000 / 8,
}
FACTEUR = 4
ARGS_LENT = ["--force-effective-connection-type=3G"]


def ralentit_reseau(cdp) -> None:
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", RESEAU)


def _parents() -> dict[int, int]:
    parents = {}
    for entree in Path("/proc").iterdir():
        if entree.name.isdigit():
            try:
                champs = (entree / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entree.name)] = int(champs[1])
            except (OSError, IndexError, ValueError):
                pass
    return parents


def rendus() -> list[int]:
    """Les processus de rendu de Chromium qui descendent de ce processus Python."""
    parents, moi = _parents(), os.getpid()

    def descend(pid: int) -> bool:
        vus = set()
        while pid not in vus and pid > 1:
            vus.add(pid)
            pid = parents.get(pid, 0)
            if pid == moi:
                return True
        return False

    trouves = []
    for pid in parents:
        try:
            ligne = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"--type=renderer" in ligne and descend(pid):
            trouves.append(pid)
    return trouves


class ProcesseurLent:
    """Pendant le `with`, les processus de rendu de notre Chromium tournent 1/FACTEUR du temps."""

    def __init__(self, facteur: int = FACTEUR, tranche: float = 0.02):
        self.facteur, self.tranche = facteur, tranche
        self.fin = threading.Event()
        self.pids: list[int] = []

    def _signale(self, signe) -> None:
        for pid in self.pids:
            try:
                os.kill(pid, signe)
            except ProcessLookupError:
                pass

    def _boucle(self) -> None:
        releve = 0.0
        while not self.fin.is_set():
            if time.monotonic() - releve > 0.2:  # a new page may have a new renderer
                self._signale(signal.SIGCONT)
                self.pids, releve = rendus(), time.monotonic()
            self._signale(signal.SIGCONT)
            time.sleep(self.tranche / self.facteur)
            self._signale(signal.SIGSTOP)
            time.sleep(self.tranche * (1 - 1 / self.facteur))
        self._signale(signal.SIGCONT)

    def __enter__(self):
        self.fil = threading.Thread(target=self._boucle, daemon=True)
        self.fil.start()
        return self

    def __exit__(self, *exc) -> None:
        self.fin.set()
        self.fil.join()
        self._signale(signal.SIGCONT)  # never leave a Chromium stopped
