"""Le paquet Pyodide : roue, fichier de verrouillage, runtime, et exécution dans Node."""
