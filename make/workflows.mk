# The GitHub configuration (.github/) cannot run here: `make test` checks the
# workflows with actionlint (pinned in tools/workflows/), and what
# actionlint does not know with tools/workflows/check: that dependabot.yml
# names every go.mod and package.json of the repository, and that the
# release workflow runs the goreleaser tools/release pins.

.PHONY: workflows-check

# Without shellcheck and pyflakes, which actionlint runs when they are on
# PATH, so that the result does not depend on the machine.
workflows-check: $(ACTIONLINT)
	$(ACTIONLINT) -shellcheck= -pyflakes=
	cd tools/workflows && go run ./check $(CURDIR)

TEST_EXTRA += workflows-check
