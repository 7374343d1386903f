# Convenience targets; each calls a script in scripts/ (which installs what it needs first).
.PHONY: demo test samples check-samples bench clean

demo:            ## render the seed dataset and answer a path query
	scripts/demo.sh

test:            ## install what is missing and run every test
	scripts/test.sh

samples:         ## regenerate every committed sample (DOT, SVG, PNG)
	scripts/samples.sh

check-samples:   ## fail if a committed DOT sample is out of date
	scripts/samples.sh >/dev/null && git diff --exit-code -- 'Samples/**/*.dot'

bench:           ## run the benchmark suite (see benchmarks/README.md)
	bash benchmarks/run.sh

clean:
	rm -rf .build out
