# Development tasks. The README's Quick start needs none of them.
PYTHON ?= .venv/bin/python
FUZZ_RUNS ?= 100000
FUZZ_DIR ?= .fuzz

.PHONY: help fuzz fuzz-hypothesis

help:
	@echo "make fuzz             atheris (libFuzzer) on the loader and time resolver, FUZZ_RUNS=$(FUZZ_RUNS) inputs"
	@echo "make fuzz-hypothesis  the hypothesis fuzz tests with FUZZ_RUNS examples each"

# The working corpus is seeded with the bundled articles (data/ itself is never written);
# a crashing input is saved under $(FUZZ_DIR)/crashes/.
fuzz:
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/crashes
	@[ -n "$$(ls -A $(FUZZ_DIR)/corpus)" ] || cp data/*.txt $(FUZZ_DIR)/corpus/
	$(PYTHON) bench/atheris_fuzz.py -runs=$(FUZZ_RUNS) -artifact_prefix=$(FUZZ_DIR)/crashes/ $(FUZZ_DIR)/corpus

fuzz-hypothesis:
	$(PYTHON) bench/fuzz.py $(FUZZ_RUNS)
