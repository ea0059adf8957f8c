"""The trained pipelines `timeline` ships (`ner-nl`, `syntax-nl`), installed as `timeline.models`.

`models/` is the home of the models in the repository; pyproject.toml maps it to the
package `timeline.models` so that a wheel, an sdist or `pipx install` carries the
weights as package data, the way spaCy's own model packages do. Each subfolder is a
spaCy pipeline directory (see README.md here for its data, licence and scores).
"""
