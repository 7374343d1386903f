#!/bin/sh
# Loads this folder into an empty Neo4j database with Neo4j's bulk importer.
# Usage: sh import.sh [DATABASE]   (default: neo4j; stop the database first)
cd "$(dirname "$0")" || exit 1
exec neo4j-admin database import full --overwrite-destination --multiline-fields=true \
  --nodes=sources.csv --nodes=actors.csv --nodes=events.csv \
  --relationships=roles.csv --relationships=event-roles.csv --relationships=cites.csv \
  --relationships=relations.csv "${1:-neo4j}"
