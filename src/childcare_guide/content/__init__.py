"""Content layer: load and check content/ into one typed model. Imports no renderer and no MkDocs."""
