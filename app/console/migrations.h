// The console database's schema, versioned in code: migration N brings a database from
// user_version N-1 to N, inside one transaction. Migrate() applies what is missing at start and
// refuses a database newer than this build (a rollback must restore the backup taken before the
// upgrade; docs/operations.md). Thread safety: call once, before serving.
#pragma once

#include "console/db.h"

namespace machikado::console {

// The schema version this build writes.
int SchemaVersion();
Status Migrate(Db& db);

}  // namespace machikado::console
