import GRDB

/// The workspace's tables, as named, append-only migrations: never edit one that has shipped; add another.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sellers, activities, deals, imports, quarantine") { db in
            try db.execute(
                sql: """
                    CREATE TABLE seller (
                      email TEXT PRIMARY KEY NOT NULL,
                      name TEXT NOT NULL,
                      team TEXT NOT NULL DEFAULT '',
                      manager TEXT NOT NULL DEFAULT '',
                      role TEXT NOT NULL DEFAULT '',
                      start_date TEXT,
                      end_date TEXT,
                      crm_id TEXT NOT NULL DEFAULT '',
                      active INTEGER NOT NULL DEFAULT 1,
                      version INTEGER NOT NULL DEFAULT 0
                    );
                    -- How exports name owners; resolved to a seller through the roster.
                    CREATE TABLE owner (
                      id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      seller_email TEXT REFERENCES seller(email) ON DELETE SET NULL
                    );
                    CREATE TABLE import_run (
                      id INTEGER PRIMARY KEY,
                      file TEXT NOT NULL,
                      path TEXT NOT NULL,
                      sha256 TEXT NOT NULL,
                      bytes INTEGER NOT NULL,
                      dialect TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      encoding TEXT NOT NULL,
                      started_at TEXT NOT NULL,
                      rows_read INTEGER NOT NULL DEFAULT 0,
                      added INTEGER NOT NULL DEFAULT 0,
                      updated INTEGER NOT NULL DEFAULT 0,
                      unchanged INTEGER NOT NULL DEFAULT 0,
                      quarantined INTEGER NOT NULL DEFAULT 0,
                      footer_lines INTEGER NOT NULL DEFAULT 0,
                      unmatched_owners INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE activity (
                      id INTEGER PRIMARY KEY,
                      key TEXT NOT NULL UNIQUE,
                      owner_id INTEGER NOT NULL REFERENCES owner(id),
                      local_day INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      direction TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      done INTEGER NOT NULL,
                      duration INTEGER,
                      occurred_at INTEGER NOT NULL,
                      utc_offset INTEGER NOT NULL,
                      logged_at INTEGER,
                      outcome_text TEXT NOT NULL,
                      subject TEXT NOT NULL,
                      contact TEXT NOT NULL,
                      company TEXT NOT NULL,
                      import_id INTEGER NOT NULL,
                      version INTEGER NOT NULL DEFAULT 0
                    );
                    -- Covers the report's week-by-seller counts without touching the table.
                    CREATE INDEX activity_by_day
                      ON activity(local_day, owner_id, kind, direction, outcome, done, duration);
                    CREATE TABLE deal (
                      id INTEGER PRIMARY KEY,
                      key TEXT NOT NULL UNIQUE,
                      owner_id INTEGER NOT NULL REFERENCES owner(id),
                      name TEXT NOT NULL,
                      amount_cents INTEGER,
                      currency TEXT NOT NULL,
                      stage TEXT NOT NULL,
                      status TEXT NOT NULL,
                      close_date TEXT,
                      created_date TEXT,
                      import_id INTEGER NOT NULL,
                      version INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE time_off (
                      email TEXT NOT NULL,
                      start TEXT NOT NULL,
                      "end" TEXT NOT NULL,
                      import_id INTEGER NOT NULL,
                      PRIMARY KEY (email, start, "end")
                    );
                    CREATE TABLE quarantine (
                      id INTEGER PRIMARY KEY,
                      import_id INTEGER NOT NULL,
                      file TEXT NOT NULL,
                      sha256 TEXT NOT NULL,
                      line INTEGER NOT NULL,
                      reason TEXT NOT NULL,
                      raw TEXT NOT NULL,
                      UNIQUE (sha256, line)
                    );
                    """)
        }
        migrator.registerMigration("v2: coaching log") { db in
            try db.execute(
                sql: """
                    -- One row per one-to-one recorded with `pyramid coach`; the experiment columns are NULL when
                    -- none was agreed, the measure columns when no measure was.
                    CREATE TABLE coaching_entry (
                      id INTEGER PRIMARY KEY,
                      seller_email TEXT NOT NULL,
                      manager TEXT NOT NULL DEFAULT '',
                      week TEXT NOT NULL,
                      note TEXT NOT NULL DEFAULT '',
                      experiment TEXT,
                      belief TEXT,
                      measure_metric TEXT,
                      measure_per TEXT,
                      measure_target REAL,
                      measure_weekdays TEXT,
                      last_week TEXT,
                      recorded_at TEXT NOT NULL,
                      updated_at TEXT
                    );
                    CREATE INDEX coaching_entry_by_seller ON coaching_entry(seller_email, week);
                    CREATE TABLE coaching_agreement (
                      entry_id INTEGER NOT NULL REFERENCES coaching_entry(id) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      text TEXT NOT NULL,
                      PRIMARY KEY (entry_id, position)
                    );
                    """)
        }
        migrator.registerMigration("v3: daily activity tallies") { db in
            try db.execute(
                sql: """
                    -- Done activities counted per day, owner, kind, direction and outcome, kept by every import,
                    -- so reports read tallies instead of every activity. The counts of long (conversation-length)
                    -- and few-second calls depend on thresholds from pyramid.yml: tally_basis says which ones the
                    -- tallies were built with, and is empty when they must not be used.
                    CREATE TABLE activity_tally (
                      local_day INTEGER NOT NULL,
                      owner_id INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      direction TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      n INTEGER NOT NULL,
                      long_calls INTEGER NOT NULL,
                      short_calls INTEGER NOT NULL,
                      PRIMARY KEY (local_day, owner_id, kind, direction, outcome)
                    ) WITHOUT ROWID;
                    CREATE TABLE tally_basis (
                      min_call_seconds INTEGER NOT NULL,
                      short_call_seconds INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v4: activities stored in day order") { db in
            // Reports read one week or two of activities: with the day in the row id, that is one range of the
            // table itself, so the wide covering index (which cost the import a third of its time) goes.
            try db.execute(
                sql: """
                    CREATE TABLE activity_by_day_order (
                      -- local_day * 2^32 + the row's sequence within its day (see ActivityID).
                      id INTEGER PRIMARY KEY,
                      key TEXT NOT NULL UNIQUE,
                      owner_id INTEGER NOT NULL REFERENCES owner(id),
                      local_day INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      direction TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      done INTEGER NOT NULL,
                      duration INTEGER,
                      occurred_at INTEGER NOT NULL,
                      utc_offset INTEGER NOT NULL,
                      logged_at INTEGER,
                      outcome_text TEXT NOT NULL,
                      subject TEXT NOT NULL,
                      contact TEXT NOT NULL,
                      company TEXT NOT NULL,
                      import_id INTEGER NOT NULL,
                      version INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO activity_by_day_order
                    SELECT local_day * 4294967296 + row_number() OVER (PARTITION BY local_day ORDER BY id) - 1,
                      key, owner_id, local_day, kind, direction, outcome, done, duration, occurred_at, utc_offset,
                      logged_at, outcome_text, subject, contact, company, import_id, version
                    FROM activity ORDER BY 1;
                    DROP TABLE activity;
                    ALTER TABLE activity_by_day_order RENAME TO activity;
                    """)
        }
        migrator.registerMigration("v5: activity digests") { db in
            // A digest of each row's values (see ActivityDigest): an import finds the rows it holds unchanged by
            // comparing one number, not fourteen columns. Rows stored before get theirs here.
            db.add(function: ActivityDigest.sqlFunction)
            defer { db.remove(function: ActivityDigest.sqlFunction) }
            try db.execute(
                sql: """
                    ALTER TABLE activity ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
                    UPDATE activity SET digest = pyramid_activity_digest(local_day, done, duration, occurred_at,
                      utc_offset, logged_at, kind, direction, outcome, outcome_text, subject, contact, company,
                      owner_id);
                    """)
        }
        migrator.registerMigration("v6: activity source digests") { db in
            // The digest of the record each row was read from (see ActivityDigest.source): a re-import leaves a
            // row whose record it finds unchanged alone without reading the record further. Rows stored before
            // have none; the next import of their records gives them theirs.
            try db.execute(sql: "ALTER TABLE activity ADD COLUMN source_digest INTEGER")
        }
        migrator.registerMigration("v7: where outcomes come from, and what the tallies leave unknown") { db in
            // Whether a call's outcome was read from words in its subject or notes, not from an outcome column;
            // and per tally group, how many activities have no duration, no contact, an outcome read from words,
            // or a duration in whole minutes too near the conversation threshold to tell (see CallLength),
            // so reports can say what an export does not record. The tallies are recounted (from the activities
            // until the next import recounts them).
            try db.execute(
                sql: """
                    ALTER TABLE activity ADD COLUMN outcome_from_words INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE activity_tally ADD COLUMN untimed INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE activity_tally ADD COLUMN without_contact INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE activity_tally ADD COLUMN from_words INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE activity_tally ADD COLUMN borderline INTEGER NOT NULL DEFAULT 0;
                    DELETE FROM tally_basis;
                    """)
        }
        migrator.registerMigration("v8: the activity key index by name") { db in
            // The key's uniqueness as an index of its own, which an import into an empty table sets aside and
            // builds again from all keys at once (see ActivityWriter); a column's UNIQUE cannot be dropped.
            let columns = """
                id, key, owner_id, local_day, kind, direction, outcome, done, duration, occurred_at, utc_offset,
                  logged_at, outcome_text, subject, contact, company, import_id, version, digest, source_digest,
                  outcome_from_words
                """
            try db.execute(
                sql: """
                    CREATE TABLE activity_keyed (
                      -- local_day * 2^32 + the row's sequence within its day (see ActivityID).
                      id INTEGER PRIMARY KEY,
                      key TEXT NOT NULL,
                      owner_id INTEGER NOT NULL REFERENCES owner(id),
                      local_day INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      direction TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      done INTEGER NOT NULL,
                      duration INTEGER,
                      occurred_at INTEGER NOT NULL,
                      utc_offset INTEGER NOT NULL,
                      logged_at INTEGER,
                      outcome_text TEXT NOT NULL,
                      subject TEXT NOT NULL,
                      contact TEXT NOT NULL,
                      company TEXT NOT NULL,
                      import_id INTEGER NOT NULL,
                      version INTEGER NOT NULL DEFAULT 0,
                      digest INTEGER NOT NULL DEFAULT 0,
                      source_digest INTEGER,
                      outcome_from_words INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO activity_keyed (\(columns)) SELECT \(columns) FROM activity ORDER BY id;
                    DROP TABLE activity;
                    ALTER TABLE activity_keyed RENAME TO activity;
                    CREATE UNIQUE INDEX activity_key ON activity(key);
                    """)
        }
        return migrator
    }
}
