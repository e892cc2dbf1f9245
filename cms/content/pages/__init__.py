"""The page models. ``base`` is written by hand; the other modules by ``cms.content.codegen``."""
