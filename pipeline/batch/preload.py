"""Imported by the forkserver of :class:`~pipeline.batch.pool.LocalPool` before it forks any
worker: the forkserver asks to die with the driver (its workers hold the pipe that would
otherwise tell it), and the models are loaded (and used once) there, so a worker (a fresh
one after a crash too) starts in milliseconds and shares the model pages with its siblings."""
from .worker import die_with_parent, warm

die_with_parent()
warm()
