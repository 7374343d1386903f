# Convenience targets; each calls a script in scripts/ (which installs what it needs first).
.PHONY: demo test samples check-samples bench fuzz soak clean release install uninstall

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

fuzz:            ## fuzz the loader and writers for 10 minutes (libFuzzer + ASan; docs/fuzzing.md)
	scripts/fuzz.sh 600

soak:            ## memory over 10,000 renders in one process (benchmarks/soak.sh)
	bash benchmarks/soak.sh

# Installing like a CLI: `make install PREFIX=~/.local` (default /usr/local; DESTDIR for
# packaging). The binary has its resources compiled in, so it runs from anywhere.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

release:         ## build the release binary (.build/release/eventgraph)
	scripts/setup.sh
	swift build -c release --product eventgraph

install: release ## install the binary, the man page and bash/zsh/fish completions under PREFIX
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 "$$(swift build -c release --show-bin-path)/eventgraph" "$(BINDIR)/eventgraph"
	install -m 644 docs/eventgraph.1 "$(MANDIR)/eventgraph.1"
	"$(BINDIR)/eventgraph" --generate-completion-script bash > "$(BASHDIR)/eventgraph"
	"$(BINDIR)/eventgraph" --generate-completion-script zsh > "$(ZSHDIR)/_eventgraph"
	"$(BINDIR)/eventgraph" --generate-completion-script fish > "$(FISHDIR)/eventgraph.fish"
	@echo "installed $(BINDIR)/eventgraph, its man page and bash/zsh/fish completions"

uninstall:       ## remove what install put under PREFIX
	rm -f "$(BINDIR)/eventgraph" "$(MANDIR)/eventgraph.1" "$(BASHDIR)/eventgraph" "$(ZSHDIR)/_eventgraph" "$(FISHDIR)/eventgraph.fish"

clean:
	rm -rf .build out
