# The two commands of the README, and a few helpers. The work is done by
# the scripts in scripts/, which can also be run without make.

.PHONY: help run test format reset

help:
	@echo "make run     set up, load the demo and serve on http://127.0.0.1:8000"
	@echo "make test    lint, type-check, check migrations, run the suite on PostGIS and SpatiaLite"
	@echo "make format  fix what ruff can fix and format the code"
	@echo "make reset   delete the local database, mail, uploads and secret key (var/)"

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

reset:
	rm -rf var staticfiles
