/// The PostgreSQL workspace's tables, as named, append-only migrations: never edit one that has shipped; add
/// another. The tables are those of the SQLite workspace (`PyramidStore`'s Schema), so both read alike; text is
/// compared byte by byte (`COLLATE "C"`), as SQLite compares it, so that lists sort the same in both.
enum PostgresSchema {
    static let migrations: [(name: String, sql: String)] = [
        (
            "v1: sellers, owners, activities, deals, time off, imports, quarantine, coaching log",
            """
            CREATE TABLE seller (
              email text COLLATE "C" PRIMARY KEY,
              name text COLLATE "C" NOT NULL,
              team text COLLATE "C" NOT NULL DEFAULT '',
              manager text COLLATE "C" NOT NULL DEFAULT '',
              role text COLLATE "C" NOT NULL DEFAULT '',
              start_date text COLLATE "C",
              end_date text COLLATE "C",
              crm_id text COLLATE "C" NOT NULL DEFAULT '',
              active boolean NOT NULL DEFAULT true,
              version integer NOT NULL DEFAULT 0
            );
            -- How exports name owners; resolved to a seller through the roster.
            CREATE TABLE owner (
              id bigint PRIMARY KEY,
              name text COLLATE "C" NOT NULL UNIQUE,
              seller_email text COLLATE "C" REFERENCES seller(email) ON DELETE SET NULL
            );
            CREATE TABLE import_run (
              id bigint PRIMARY KEY,
              file text COLLATE "C" NOT NULL,
              path text COLLATE "C" NOT NULL,
              sha256 text NOT NULL,
              bytes bigint NOT NULL,
              dialect text NOT NULL,
              kind text NOT NULL,
              encoding text NOT NULL,
              started_at text NOT NULL,
              rows_read bigint NOT NULL DEFAULT 0,
              added bigint NOT NULL DEFAULT 0,
              updated bigint NOT NULL DEFAULT 0,
              unchanged bigint NOT NULL DEFAULT 0,
              quarantined bigint NOT NULL DEFAULT 0,
              footer_lines bigint NOT NULL DEFAULT 0,
              unmatched_owners bigint NOT NULL DEFAULT 0
            );
            -- id: local_day * 2^32 + the row's sequence within its day, as in the SQLite workspace.
            CREATE TABLE activity (
              id bigint PRIMARY KEY,
              key text COLLATE "C" NOT NULL UNIQUE,
              owner_id bigint NOT NULL REFERENCES owner(id),
              local_day integer NOT NULL,
              kind text COLLATE "C" NOT NULL,
              direction text COLLATE "C" NOT NULL,
              outcome text COLLATE "C" NOT NULL,
              done boolean NOT NULL,
              duration bigint,
              occurred_at bigint NOT NULL,
              utc_offset integer NOT NULL,
              logged_at bigint,
              outcome_text text COLLATE "C" NOT NULL,
              subject text COLLATE "C" NOT NULL,
              contact text COLLATE "C" NOT NULL,
              company text COLLATE "C" NOT NULL,
              outcome_from_words boolean NOT NULL,
              -- The digest of the values above as read (see ActivityCopy.digest): tells a changed row from one
              -- imported again as it was.
              digest bigint NOT NULL,
              import_id bigint NOT NULL,
              version integer NOT NULL DEFAULT 0
            );
            CREATE TABLE deal (
              id bigserial PRIMARY KEY,
              key text COLLATE "C" NOT NULL UNIQUE,
              owner_id bigint NOT NULL REFERENCES owner(id),
              name text COLLATE "C" NOT NULL,
              amount_cents bigint,
              currency text COLLATE "C" NOT NULL,
              stage text COLLATE "C" NOT NULL,
              status text COLLATE "C" NOT NULL,
              close_date text COLLATE "C",
              created_date text COLLATE "C",
              import_id bigint NOT NULL,
              version integer NOT NULL DEFAULT 0
            );
            -- id: the order the periods were imported in, which the SQLite workspace reads them in.
            CREATE TABLE time_off (
              id bigserial NOT NULL UNIQUE,
              email text COLLATE "C" NOT NULL,
              start text COLLATE "C" NOT NULL,
              "end" text COLLATE "C" NOT NULL,
              import_id bigint NOT NULL,
              PRIMARY KEY (email, start, "end")
            );
            CREATE TABLE quarantine (
              id bigserial PRIMARY KEY,
              import_id bigint NOT NULL,
              file text COLLATE "C" NOT NULL,
              sha256 text NOT NULL,
              line bigint NOT NULL,
              reason text COLLATE "C" NOT NULL,
              raw text COLLATE "C" NOT NULL,
              UNIQUE (sha256, line)
            );
            CREATE TABLE coaching_entry (
              id bigserial PRIMARY KEY,
              seller_email text COLLATE "C" NOT NULL,
              manager text COLLATE "C" NOT NULL DEFAULT '',
              week text COLLATE "C" NOT NULL,
              note text COLLATE "C" NOT NULL DEFAULT '',
              experiment text COLLATE "C",
              belief text COLLATE "C",
              measure_metric text COLLATE "C",
              measure_per text COLLATE "C",
              measure_target double precision,
              measure_weekdays text COLLATE "C",
              last_week text COLLATE "C",
              recorded_at text NOT NULL,
              updated_at text
            );
            CREATE INDEX coaching_entry_by_seller ON coaching_entry(seller_email, week);
            CREATE TABLE coaching_agreement (
              entry_id bigint NOT NULL REFERENCES coaching_entry(id) ON DELETE CASCADE,
              position integer NOT NULL,
              text text COLLATE "C" NOT NULL,
              PRIMARY KEY (entry_id, position)
            );
            """
        ),
        (
            "v2: each manager's role reads their own teams only",
            """
            -- Which database role may read what (set with `pyramid grant`): a manager's role reads the sellers whose
            -- roster manager is one it was granted (by name or email, in any case) and their owners, activities,
            -- deals, time off and coaching log, and writes that coaching log; a sales-ops role reads and writes
            -- everything. The role that created the tables (the workspace's owner) is not bound by these policies.
            CREATE TABLE pyramid_grant (
              role name NOT NULL,
              manager text COLLATE "C" NOT NULL DEFAULT '',
              ops boolean NOT NULL DEFAULT false,
              PRIMARY KEY (role, manager)
            );
            -- The functions read the grants and the roster as the tables' owner (SECURITY DEFINER, so the policies
            -- do not apply to themselves); the policies pass them the role at work (current_user, which inside
            -- such a function would be its owner).
            CREATE FUNCTION pyramid_is_ops(reader name) RETURNS boolean
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
              AS $$SELECT EXISTS (SELECT 1 FROM pyramid_grant WHERE role = reader AND ops)$$;
            CREATE FUNCTION pyramid_sellers(reader name) RETURNS SETOF text
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
              AS $$SELECT s.email FROM seller s JOIN pyramid_grant g
                ON g.role = reader AND g.manager <> '' AND lower(s.manager) = lower(g.manager)$$;
            CREATE FUNCTION pyramid_owners(reader name) RETURNS SETOF bigint
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
              AS $$SELECT o.id FROM owner o WHERE o.seller_email IN (SELECT pyramid_sellers(reader))$$;
            CREATE FUNCTION pyramid_entries(reader name) RETURNS SETOF bigint
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
              AS $$SELECT e.id FROM coaching_entry e WHERE e.seller_email IN (SELECT pyramid_sellers(reader))$$;
            ALTER TABLE seller ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON seller
              USING (pyramid_is_ops(current_user) OR email IN (SELECT pyramid_sellers(current_user)));
            ALTER TABLE owner ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON owner
              USING (pyramid_is_ops(current_user) OR id IN (SELECT pyramid_owners(current_user)));
            ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON activity
              USING (pyramid_is_ops(current_user) OR owner_id IN (SELECT pyramid_owners(current_user)));
            ALTER TABLE deal ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON deal
              USING (pyramid_is_ops(current_user) OR owner_id IN (SELECT pyramid_owners(current_user)));
            ALTER TABLE time_off ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON time_off
              USING (pyramid_is_ops(current_user) OR email IN (SELECT pyramid_sellers(current_user)));
            ALTER TABLE coaching_entry ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON coaching_entry
              USING (pyramid_is_ops(current_user) OR seller_email IN (SELECT pyramid_sellers(current_user)));
            ALTER TABLE coaching_agreement ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON coaching_agreement
              USING (pyramid_is_ops(current_user) OR entry_id IN (SELECT pyramid_entries(current_user)));
            ALTER TABLE quarantine ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON quarantine USING (pyramid_is_ops(current_user));
            ALTER TABLE import_run ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON import_run USING (pyramid_is_ops(current_user));
            """
        ),
        (
            "v3: the activity key's index led by the key's hash",
            """
            -- Keys begin alike ("hubspot:4000…"), so sorting them compared each whole: the index an import into an
            -- empty workspace builds took 20 s for 10M keys, 9 s led by their hash, which holds each key once all
            -- the same. Queries match keys as `keyMatch` writes it.
            CREATE UNIQUE INDEX activity_key ON activity ((hashtextextended(key, 0)), key);
            ALTER TABLE activity DROP CONSTRAINT activity_key_key;
            """
        ),
        (
            "v4: daily activity tallies",
            """
            -- Per day, owner, kind, direction and outcome, the counts of done activities reports read (see
            -- PostgresTallies), counted with the thresholds in tally_basis (no row: not usable).
            CREATE TABLE activity_tally (
              local_day integer NOT NULL,
              owner_id bigint NOT NULL,
              kind text COLLATE "C" NOT NULL,
              direction text COLLATE "C" NOT NULL,
              outcome text COLLATE "C" NOT NULL,
              count bigint NOT NULL,
              long bigint NOT NULL,
              short bigint NOT NULL,
              untimed bigint NOT NULL,
              without_contact bigint NOT NULL,
              from_words bigint NOT NULL,
              borderline bigint NOT NULL,
              PRIMARY KEY (local_day, owner_id, kind, direction, outcome)
            );
            CREATE TABLE tally_basis (
              min_call_seconds integer NOT NULL,
              short_call_seconds integer NOT NULL
            );
            ALTER TABLE activity_tally ENABLE ROW LEVEL SECURITY;
            CREATE POLICY pyramid_reader ON activity_tally
              USING (pyramid_is_ops(current_user) OR owner_id IN (SELECT pyramid_owners(current_user)));
            -- The roles granted before these tables were made get them as `pyramid grant` gives them now.
            DO $$ DECLARE g record; BEGIN FOR g IN SELECT role, bool_or(ops) AS ops FROM pyramid_grant GROUP BY role LOOP EXECUTE format('GRANT SELECT%s ON activity_tally, tally_basis TO %I', CASE WHEN g.ops THEN ', INSERT, UPDATE, DELETE' ELSE '' END, g.role); END LOOP; END $$;
            """
        ),
    ]

    /// How a query matches the activity `stored` (an alias of `activity`) with the row `other` by key, so that
    /// the key's index (migration v3) is used.
    static func keyMatch(_ stored: String, _ other: String) -> String {
        "hashtextextended(\(stored).key, 0) = hashtextextended(\(other).key, 0) AND \(stored).key = \(other).key"
    }
}
