"""Site layer: what MkDocs needs (generated files, the content-hash cache, the offline zip)."""
