"""Imported by the forkserver of :class:`~pipeline.batch.pool.LocalPool` before it forks any
worker: the models are loaded once there, so a worker (a fresh one after a crash
too) starts in milliseconds and shares the model pages with its siblings."""
from ..api import nlp

nlp()
