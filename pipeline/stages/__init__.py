"""The registered spaCy components, one module a stage (importing registers them)."""
from . import sentences, pos, numbers_stage, entities, resolve, facts  # noqa: F401
