#!/usr/bin/env bash
# Adds an EF Core migration to one module: build/migration.sh <Module> <MigrationName>
#   e.g. build/migration.sh Members AddInvitations   (Module "Mail" means the kernel's mail queue)
set -euo pipefail
cd "$(dirname "$0")/.."
module="$1"; name="$2"
dotnet tool restore >/dev/null
if [ "$module" = "Mail" ]; then
  project=src/Modules/Shared/Alliance.Shared; context=MailDbContext
else
  project=src/Modules/$module/Alliance.$module; context=${module}DbContext
fi
dotnet ef migrations add "$name" --project "$project" --context "$context" --output-dir Persistence/Migrations
